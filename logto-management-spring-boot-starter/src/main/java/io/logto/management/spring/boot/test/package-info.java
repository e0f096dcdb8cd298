/**
 * Test support: {@link io.logto.management.spring.boot.test.AutoConfigureLogtoEmulator} runs the
 * application on the in-process emulator, {@link io.logto.management.spring.boot.test.RecordWebhookEvents}
 * records the webhook events its endpoint receives.
 */
@NullMarked
package io.logto.management.spring.boot.test;

import org.jspecify.annotations.NullMarked;
