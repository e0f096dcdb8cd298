/**
 * Client-credentials tokens. {@code TokenEndpoint} asks Logto's token endpoint through the chain's
 * attempt steps; {@code ClientCredentialsManager} caches the token and shares one request among
 * concurrent callers. Internal to the SDK: not exported, not API.
 */
@NullMarked
package io.logto.management.core.internal.auth;

import org.jspecify.annotations.NullMarked;
