/**
 * The request and response models of the typed API, generated from Logto's OpenAPI document: records
 * (with builders for what is sent), open enumerations ({@link io.logto.management.core.OpenEnum}) and
 * sealed interfaces for {@code oneOf} schemas.
 *
 * <p>A record component is {@code @Nullable} when its property is optional or nullable; one that is
 * both is a {@link io.logto.management.core.JsonField} instead, never null. Everything else is never
 * null.
 */
@NullMarked
package io.logto.management.model;

import org.jspecify.annotations.NullMarked;
