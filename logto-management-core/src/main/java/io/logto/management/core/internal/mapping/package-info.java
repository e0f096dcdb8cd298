/**
 * Mapping between what calls take and give and HTTP. {@code RequestFactory} turns an
 * {@code ApiRequest} and its options into the HTTP request the chain sends; {@code ResponseDecoder}
 * turns an answer into the caller's type or the {@code LogtoApiException} its status stands for.
 * Internal to the SDK: not exported, not API.
 */
@NullMarked
package io.logto.management.core.internal.mapping;

import org.jspecify.annotations.NullMarked;
