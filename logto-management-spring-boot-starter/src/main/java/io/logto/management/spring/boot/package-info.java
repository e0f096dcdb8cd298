/**
 * Spring Boot auto-configuration of the Logto Management API SDK: {@code LogtoClient} and
 * {@code LogtoManagement} beans from {@code logto.management.*}, {@link
 * io.logto.management.spring.boot.LogtoClientBuilderCustomizer} to adjust the client, and the emulator
 * for tests. Works with Spring Boot 3.5 and 4.0.
 */
@NullMarked
package io.logto.management.spring.boot;

import org.jspecify.annotations.NullMarked;
