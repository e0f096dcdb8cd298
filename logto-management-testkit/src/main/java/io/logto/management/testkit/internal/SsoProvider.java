package io.logto.management.testkit.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * An enterprise SSO provider Logto 1.42 supports: its name, protocol ({@code oidc} or {@code saml}),
 * display name, logos and description, in the order {@code GET /sso-connector-providers} lists them.
 */
record SsoProvider(String providerName, String providerType, String name, String description) {
  static final List<SsoProvider> ALL = List.of(
      new SsoProvider("OIDC", "oidc", "OIDC", "Single sign-on through any OpenID Connect identity provider."),
      new SsoProvider("SAML", "saml", "SAML", "Single sign-on through any SAML 2.0 identity provider."),
      new SsoProvider("AzureAD", "saml", "Microsoft Entra ID (SAML)",
          "Single sign-on with Microsoft Entra ID over SAML 2.0."),
      new SsoProvider("AzureAdOidc", "oidc", "Microsoft Entra ID (OIDC)",
          "Single sign-on with Microsoft Entra ID over OpenID Connect."),
      new SsoProvider("GoogleWorkspace", "oidc", "Google Workspace",
          "Single sign-on with the accounts of a Google Workspace domain."),
      new SsoProvider("Okta", "oidc", "Okta", "Single sign-on with an Okta organization."));

  /** The provider of that name, or null. */
  static SsoProvider byName(String providerName) {
    for (SsoProvider provider : ALL) {
      if (provider.providerName().equals(providerName)) {
        return provider;
      }
    }
    return null;
  }

  boolean saml() {
    return providerType.equals("saml");
  }

  /** The provider as the providers list answers it. */
  ObjectNode json() {
    ObjectNode json = Json.object().put("providerName", providerName).put("providerType", providerType);
    json.put("logo", logo()).put("logoDark", logo()).put("description", description).put("name", name);
    return json;
  }

  String logo() {
    return ConnectorFactory.badge(providerName.substring(0, 1));
  }
}
