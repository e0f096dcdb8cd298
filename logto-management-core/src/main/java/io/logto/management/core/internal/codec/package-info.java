/**
 * Internal to the SDK: Jackson codecs the generated model names in its annotations (epoch
 * timestamps as {@code Instant}, oneOf variant choice). Exported only to the generated API module and
 * to Jackson, which instantiates them; not API.
 */
@NullMarked
package io.logto.management.core.internal.codec;

import org.jspecify.annotations.NullMarked;
