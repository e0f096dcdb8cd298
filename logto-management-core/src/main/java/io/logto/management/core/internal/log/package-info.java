/**
 * Where the SDK's classes get their loggers, and the early SLF4J start that keeps the first call
 * from paying for it. Internal to the SDK: not exported, not API.
 */
@NullMarked
package io.logto.management.core.internal.log;

import org.jspecify.annotations.NullMarked;
