/**
 * Checks of the SDK's {@code Duration} options. Built from JDK types only: a leaf, so the public
 * package and the client both use it without a cycle. Internal to the SDK: not exported, not API.
 */
@NullMarked
package io.logto.management.core.internal.time;

import org.jspecify.annotations.NullMarked;
