/** Internal to the SDK: exported only to the generated API module, not API. */
@NullMarked
package io.logto.management.core.internal.pagination;

import org.jspecify.annotations.NullMarked;
