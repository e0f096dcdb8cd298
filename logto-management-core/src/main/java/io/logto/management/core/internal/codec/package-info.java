/**
 * Jackson codecs the generated model names in its annotations: epoch timestamps as {@code Instant},
 * oneOf variant choice. Internal to the SDK and not API; exported only to the generated API module and
 * to Jackson, which instantiates them.
 */
@NullMarked
package io.logto.management.core.internal.codec;

import org.jspecify.annotations.NullMarked;
