/**
 * The emulator's machinery: the loopback server, routing by the Management API's operation table,
 * token checks, fault injection, the in-memory store and one handler class per area. Not exported.
 */
package io.logto.management.testkit.internal;
