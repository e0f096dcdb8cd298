/**
 * The one chain every call takes, and its fixed steps. {@code RealChain} runs the user's interceptors,
 * then retry, authentication, the attempt (listeners, log) and the transport (timeout, size limit),
 * each an {@code Interceptor}; {@code ClientChain} builds it once per client, and {@code Dispatch},
 * picked once per call, decides whether its steps run on the caller's thread or never hold one.
 * Internal to the SDK: not exported, not API.
 */
@NullMarked
package io.logto.management.core.internal.chain;

import org.jspecify.annotations.NullMarked;
