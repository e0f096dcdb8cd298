/**
 * What calls to the Logto Management API take and give: {@link io.logto.management.core.ApiRequest}s
 * and their {@link io.logto.management.core.RequestOptions}, {@link io.logto.management.core.ApiResponse}s,
 * pages ({@link io.logto.management.core.Paginated}), the extension points
 * ({@link io.logto.management.core.Interceptor}, {@link io.logto.management.core.CallListener},
 * {@link io.logto.management.core.TokenProvider}, {@link io.logto.management.core.RetryPolicy}) and the
 * exceptions, all rooted at {@link io.logto.management.core.LogtoException}. The client that sends
 * calls is {@link io.logto.management.core.client.LogtoClient}.
 *
 * <p>Everything here is immutable or thread-safe unless it is a builder. Packages under
 * {@code io.logto.management.core.internal} are not API.
 *
 * <p>Nothing here takes or returns {@code null} unless it is marked {@code @Nullable} (JSpecify).
 */
@NullMarked
package io.logto.management.core;

import org.jspecify.annotations.NullMarked;
