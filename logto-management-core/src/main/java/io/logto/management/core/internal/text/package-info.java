/**
 * Internal to the SDK: not exported, not API. Text the SDK writes into requests and messages (path
 * templates, percent-encoding, safe body descriptions), built from JDK types only: a leaf that imports
 * nothing of the SDK, so the public package and every internal package may use it without a cycle.
 */
@NullMarked
package io.logto.management.core.internal.text;

import org.jspecify.annotations.NullMarked;
