package io.logto.management.spring.boot.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.test.context.TestPropertySource;

/**
 * Runs a {@code @SpringBootTest} against the in-process Logto emulator instead of a Logto server: sets
 * {@code logto.management.emulator.enabled=true}, so the context starts a {@code LogtoEmulator} bean and
 * the {@code LogtoClient} and {@code LogtoManagement} beans talk to it. Needs
 * {@code io.logto:logto-management-testkit} in test scope.
 *
 * <pre>{@code
 * @SpringBootTest
 * @AutoConfigureLogtoEmulator
 * class SignUpTest {
 *   @Autowired LogtoManagement logto;
 *   @Autowired LogtoEmulator emulator;   // to count requests or inject faults
 * }
 * }</pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@TestPropertySource(properties = "logto.management.emulator.enabled=true")
public @interface AutoConfigureLogtoEmulator {}
