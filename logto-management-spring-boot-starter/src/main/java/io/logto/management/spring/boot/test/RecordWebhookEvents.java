package io.logto.management.spring.boot.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.context.annotation.Import;

/**
 * Adds a {@link RecordedWebhookEvents} bean to a {@code @SpringBootTest}'s context, so the test can wait
 * for the webhook events the application's endpoint received. With {@link AutoConfigureLogtoEmulator},
 * a hook created on the emulator and pointed at the application delivers to it over HTTP.
 *
 * <pre>{@code
 * @SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "logto.webhooks.enabled=true")
 * @AutoConfigureLogtoEmulator
 * @RecordWebhookEvents
 * class SignUpTest {
 *   @Autowired LogtoManagement logto;
 *   @Autowired RecordedWebhookEvents recorded;
 * }
 * }</pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@Import(RecordedWebhookEvents.class)
public @interface RecordWebhookEvents {}
