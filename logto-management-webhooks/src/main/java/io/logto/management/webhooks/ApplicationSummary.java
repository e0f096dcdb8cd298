package io.logto.management.webhooks;

import io.logto.management.model.ApplicationType;
import org.jspecify.annotations.Nullable;

/**
 * The few fields of an application Logto puts into a payload ({@code application}): the application the
 * user interacted through.
 *
 * @param id the application's id
 * @param type the application's type ({@link ApplicationType} keeps a type this version does not know)
 * @param name the application's name
 * @param description the application's description, or null
 */
public record ApplicationSummary(String id, ApplicationType type, String name, @Nullable String description) {}
