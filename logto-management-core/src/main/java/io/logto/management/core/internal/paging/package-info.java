/**
 * Walking paginated list endpoints. {@code Pager} is the {@code Paginated} a client returns;
 * {@code PageReader} requests and reads one page; the walks are {@code SequentialPages} (one page at a
 * time on the caller's thread), {@code AheadPages} (pages requested ahead) and {@code ItemPublisher} (a
 * non-blocking {@code Flow.Publisher}). Internal to the SDK: not exported, not API.
 */
@NullMarked
package io.logto.management.core.internal.paging;

import org.jspecify.annotations.NullMarked;
