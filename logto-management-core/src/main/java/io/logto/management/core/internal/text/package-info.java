/**
 * Text the SDK writes into requests and messages: path templates, percent-encoding and safe body
 * descriptions. Built from JDK types only: a leaf that imports nothing of the SDK, so the public
 * package and every internal package may use it without a cycle. Internal to the SDK: not exported,
 * not API.
 */
@NullMarked
package io.logto.management.core.internal.text;

import org.jspecify.annotations.NullMarked;
