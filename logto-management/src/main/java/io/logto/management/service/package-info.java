/**
 * One service per tag of Logto's Management API, generated from its OpenAPI document. Every method
 * takes and returns non-null values; optional query parameters are set on the {@code ...Params}
 * records.
 */
@NullMarked
package io.logto.management.service;

import org.jspecify.annotations.NullMarked;
