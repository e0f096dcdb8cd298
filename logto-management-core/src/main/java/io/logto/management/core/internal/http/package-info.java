/**
 * The HTTP layer under the chain: the JDK client a client and its variants share
 * ({@code HttpClients}, {@code SharedHttp}), the request as prepared and as signed
 * ({@code PreparedRequest}, {@code AuthorizedRequest}), the body reader that enforces the deadline and
 * the size limit ({@code TimedBody}), and header readers ({@code RetryAfter}, {@code LinkHeader}).
 * Internal to the SDK: not exported, not API.
 */
@NullMarked
package io.logto.management.core.internal.http;

import org.jspecify.annotations.NullMarked;
