/** Test support: {@link io.logto.management.spring.boot.test.AutoConfigureLogtoEmulator}. */
@NullMarked
package io.logto.management.spring.boot.test;

import org.jspecify.annotations.NullMarked;
