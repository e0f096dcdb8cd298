/**
 * JSON for the SDK: the default {@code ObjectMapper}, Jackson type resolution and readable
 * descriptions of decoding problems. Internal to the SDK: not exported, not API.
 */
@NullMarked
package io.logto.management.core.internal.json;

import org.jspecify.annotations.NullMarked;
