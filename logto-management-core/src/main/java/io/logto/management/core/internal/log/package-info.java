/** Internal to the SDK: not exported, not API. */
@NullMarked
package io.logto.management.core.internal.log;

import org.jspecify.annotations.NullMarked;
