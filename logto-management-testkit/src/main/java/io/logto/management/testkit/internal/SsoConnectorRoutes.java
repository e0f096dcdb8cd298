package io.logto.management.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Enterprise SSO: the provider list, SSO connectors (create, list, get, update, delete) and the signing
 * keys of SAML connectors. A SAML connector configured by hand ({@code entityId}, {@code signInEndpoint},
 * {@code x509Certificate}) or by inline {@code metadata} XML is checked and described as Logto does; a
 * config that makes Logto fetch something (an IdP metadata URL, an OIDC issuer's discovery document)
 * answers 501, since the emulator does not reach the internet.
 */
final class SsoConnectorRoutes {
  private static final int KEY_LIFETIME_YEARS = 3;
  private static final int MAX_NAME = 128;
  private static final String METADATA = "urn:oasis:names:tc:SAML:2.0:metadata";
  private static final String XMLDSIG = "http://www.w3.org/2000/09/xmldsig#";
  // public e-mail domains Logto refuses as SSO domains (a subset of its list)
  private static final Set<String> PUBLIC_EMAIL_DOMAINS = Set.of("gmail.com", "googlemail.com", "outlook.com",
      "hotmail.com", "live.com", "msn.com", "yahoo.com", "icloud.com", "me.com", "aol.com", "protonmail.com",
      "proton.me", "gmx.com", "mail.com", "yandex.com", "zoho.com", "qq.com", "163.com", "126.com");

  private final Store store;

  SsoConnectorRoutes(Store store) {
    this.store = store;
  }

  void register(Declarations handlers) {
    handlers.declare("ListSsoConnectorProviders", call -> {
      List<JsonNode> providers = new ArrayList<>();
      SsoProvider.ALL.forEach(provider -> providers.add(provider.json()));
      return Reply.ok(Json.arrayOf(providers));
    });
    handlers.declare("CreateSsoConnector", this::create);
    handlers.declare("ListSsoConnectors", call -> {
      List<JsonNode> items = new ArrayList<>();
      for (ObjectNode connector : store.ssoConnectors.values()) {
        items.add(withProvider(connector, call.origin()));
      }
      return Pager.optional(call, items);
    });
    handlers.declare("GetSsoConnector", call -> Reply.ok(withProvider(connector(call.param("id")), call.origin())));
    handlers.declare("UpdateSsoConnector", this::update);
    handlers.declare("DeleteSsoConnector", call -> {
      String id = call.param("id");
      connector(id);
      store.cascades.deleteSsoConnector(id);
      return Reply.empty(204);
    });
    handlers.declare("ListSsoConnectorSigningKeys", call -> {
      String id = samlConnector(call.param("id"));
      return Reply.ok(Json.arrayOf(store.ssoSigningKeys.list(id)));
    });
    handlers.declare("CreateSsoConnectorSigningKey", call -> {
      Guard guard = call.guard();
      Boolean active = guard.bool("active", false);
      guard.check();
      String id = samlConnector(call.param("id"));
      // inactive unless asked: the staged step of a rotation
      return Reply.created(store.ssoSigningKeys.create(id, KEY_LIFETIME_YEARS, Boolean.TRUE.equals(active)));
    }).issuesCertificates();
    handlers.declare("UpdateSsoConnectorSigningKey", call -> {
      Guard guard = call.guard();
      Boolean active = guard.bool("active", true);
      guard.check();
      String id = samlConnector(call.param("id"));
      return Reply.ok(store.ssoSigningKeys.setActive(id, call.param("keyId"), active));
    });
    handlers.declare("DeleteSsoConnectorSigningKey", call -> {
      String id = samlConnector(call.param("id"));
      if (store.ssoSigningKeys.find(id, call.param("keyId")).get("active").asBoolean()) {
        throw ApiError.of(400, "single_sign_on.can_not_delete_active_signing_key",
            "Can not delete the active signing key.");
      }
      store.ssoSigningKeys.remove(id, call.param("keyId"));
      return Reply.empty(204);
    });
  }

  private Reply create(Call call) {
    Guard guard = call.guard();
    ObjectNode config = guard.object("config", false);
    List<String> domains = guard.strings("domains", false);
    ObjectNode branding = branding(guard);
    Boolean syncProfile = guard.bool("syncProfile", false);
    Boolean tokenStorage = guard.bool("enableTokenStorage", false);
    String providerName = guard.atMost("providerName", guard.name("providerName"), MAX_NAME);
    String connectorName = guard.atMost("connectorName", guard.name("connectorName"), MAX_NAME);
    guard.check();
    SsoProvider provider = SsoProvider.byName(providerName);
    if (provider == null) {
      throw ApiError.of(422, "connector.not_found", "Cannot find any available connector for type: "
          + providerName + ".");
    }
    if (domains != null) {
      validateDomains(domains);
    }
    uniqueName(connectorName, null);
    String id = store.id(12);
    JsonNode parsed = config == null ? null : checkConfig(call, provider, config);
    ObjectNode connector = Json.object();
    connector.put("tenantId", Store.TENANT).put("id", id).put("providerName", providerName)
        .put("connectorName", connectorName);
    connector.set("config", parsed == null ? Json.object() : parsed);
    connector.set("domains", Json.strings(domains == null ? List.of() : domains));
    connector.set("branding", branding == null ? Json.object() : branding);
    connector.put("syncProfile", Boolean.TRUE.equals(syncProfile))
        .put("enableTokenStorage", Boolean.TRUE.equals(tokenStorage)).put("createdAt", store.now());
    store.ssoConnectors.put(id, connector);
    return Reply.ok(connector);
  }

  private Reply update(Call call) {
    Guard guard = call.guard();
    ObjectNode config = guard.object("config", false);
    List<String> domains = guard.strings("domains", false);
    ObjectNode branding = branding(guard);
    Boolean syncProfile = guard.bool("syncProfile", false);
    String connectorName = guard.atMost("connectorName", guard.optionalName("connectorName"), MAX_NAME);
    Boolean tokenStorage = guard.bool("enableTokenStorage", false);
    guard.check();
    ObjectNode connector = connector(call.param("id"));
    SsoProvider provider = SsoProvider.byName(connector.get("providerName").asText());
    if (domains != null) {
      validateDomains(domains);
    }
    JsonNode parsed = config == null ? null : checkConfig(call, provider, config);
    if (connectorName != null) {
      uniqueName(connectorName, connector.get("id").asText());
    }
    // Logto writes only when the config or a field other than `domains` changes: a PATCH of the
    // domains alone leaves the connector as it was
    boolean otherFields = branding != null || syncProfile != null || connectorName != null || tokenStorage != null;
    if (parsed != null || otherFields) {
      if (parsed != null) {
        connector.set("config", parsed);
      }
      if (domains != null) {
        connector.set("domains", Json.strings(domains));
      }
      if (branding != null) {
        connector.set("branding", branding);
      }
      if (syncProfile != null) {
        connector.put("syncProfile", syncProfile);
      }
      if (connectorName != null) {
        connector.put("connectorName", connectorName);
      }
      if (tokenStorage != null) {
        connector.put("enableTokenStorage", tokenStorage);
      }
    }
    return Reply.ok(withProvider(connector, call.origin()));
  }

  private static ObjectNode branding(Guard guard) {
    ObjectNode branding = guard.object("branding", false);
    if (branding != null) {
      Guard inner = guard.within("branding", branding);
      inner.string("displayName", false);
      inner.string("logo", false);
      inner.string("darkLogo", false);
    }
    return branding == null ? null : branding.deepCopy();
  }

  private ObjectNode connector(String id) {
    ObjectNode connector = store.ssoConnectors.get(id);
    if (connector == null) {
      throw ApiError.notExistsWithId("sso_connectors", id);
    }
    return connector;
  }

  // signing keys exist for SAML connectors only
  private String samlConnector(String id) {
    if (!SsoProvider.byName(connector(id).get("providerName").asText()).saml()) {
      throw ApiError.of(404, "connector.not_found", "Cannot find any available connector for type: {{type}}.");
    }
    return id;
  }

  private void uniqueName(String connectorName, String exceptId) {
    for (ObjectNode other : store.ssoConnectors.values()) {
      if (other.get("connectorName").asText().equals(connectorName) && !other.get("id").asText().equals(exceptId)) {
        throw ApiError.of(409, "single_sign_on.duplicate_connector_name",
            "Connector name already exists. Please choose a different name.");
      }
    }
  }

  private static void validateDomains(List<String> domains) {
    Set<String> seen = new HashSet<>();
    Set<String> duplicated = new LinkedHashSet<>();
    Set<String> forbidden = new LinkedHashSet<>();
    for (String domain : domains) {
      if (!seen.add(domain)) {
        duplicated.add(domain);
      }
      if (PUBLIC_EMAIL_DOMAINS.contains(domain.toLowerCase(java.util.Locale.ROOT))) {
        forbidden.add(domain);
      }
    }
    if (!forbidden.isEmpty()) {
      throw ApiError.of(422, "single_sign_on.forbidden_domains", "Public email domains are not allowed.",
          Json.object().set("data", Json.strings(forbidden)), null);
    }
    if (!duplicated.isEmpty()) {
      throw ApiError.of(422, "single_sign_on.duplicated_domains", "There are duplicate domains.",
          Json.object().set("data", Json.strings(duplicated)), null);
    }
  }

  /**
   * What Logto checks before storing a config: for SAML, that the IdP is described (by hand, with a
   * certificate that parses); for OIDC, the issuer's discovery document, which needs the internet.
   */
  private static JsonNode checkConfig(Call call, SsoProvider provider, ObjectNode config) {
    if (!provider.saml()) {
      throw call.notEmulated("the internet, to fetch the OIDC discovery document of the connector's issuer");
    }
    if (config.hasNonNull("metadataUrl")) {
      throw call.notEmulated("the internet, to fetch the SAML IdP metadata at the config's metadataUrl");
    }
    Guard guard = Guard.body(config);
    guard.string("metadata", false);
    guard.string("entityId", false);
    guard.string("signInEndpoint", false);
    guard.string("x509Certificate", false);
    guard.object("attributeMapping", false);
    try {
      guard.check();
    } catch (ApiError e) {
      throw invalidConfig();
    }
    if (config.hasNonNull("metadata") && fromMetadata(config.get("metadata").asText()) == null) {
      throw ApiError.of(400, "connector.invalid_metadata", "The connector's metadata is invalid.");
    }
    if (identityProvider(config, 0) == null) {
      throw invalidConfig();
    }
    return config.deepCopy();
  }

  /**
   * The IdP an inline SAML metadata document describes: its entity ID, the location of its single
   * sign-on service (the redirect binding's when it offers several) and its signing certificate as
   * PEM; null when the document lacks one of them or is not XML.
   */
  private static String[] fromMetadata(String xml) {
    org.w3c.dom.Document document;
    try {
      document = SamlXml.parse(xml.getBytes(StandardCharsets.UTF_8));
    } catch (javax.xml.parsers.ParserConfigurationException | org.xml.sax.SAXException | java.io.IOException e) {
      return null;
    }
    String entityId = document.getDocumentElement().getAttribute("entityID");
    String location = null;
    org.w3c.dom.NodeList services = document.getElementsByTagNameNS(METADATA, "SingleSignOnService");
    for (int i = 0; i < services.getLength(); i++) {
      org.w3c.dom.Element service = (org.w3c.dom.Element) services.item(i);
      if (location == null || service.getAttribute("Binding").endsWith("HTTP-Redirect")) {
        location = service.getAttribute("Location");
      }
    }
    org.w3c.dom.NodeList certificates = document.getElementsByTagNameNS(XMLDSIG, "X509Certificate");
    if (entityId.isEmpty() || location == null || location.isEmpty() || certificates.getLength() == 0) {
      return null;
    }
    String base64 = certificates.item(0).getTextContent().replaceAll("\\s", "");
    StringBuilder pem = new StringBuilder("-----BEGIN CERTIFICATE-----\n");
    for (int i = 0; i < base64.length(); i += 64) {
      pem.append(base64, i, Math.min(base64.length(), i + 64)).append('\n');
    }
    return new String[] {entityId, location, pem.append("-----END CERTIFICATE-----\n").toString()};
  }

  private static ApiError invalidConfig() {
    return ApiError.of(400, "connector.invalid_config", "The connector's config is invalid.");
  }

  /** The connector as lists and reads answer it: the entity plus the provider's name, type, logos and config. */
  private ObjectNode withProvider(ObjectNode connector, String origin) {
    SsoProvider provider = SsoProvider.byName(connector.get("providerName").asText());
    ObjectNode json = connector.deepCopy();
    json.put("name", provider.name()).put("providerType", provider.providerType())
        .put("providerLogo", provider.logo()).put("providerLogoDark", provider.logo());
    if (provider.saml()) {
      String id = connector.get("id").asText();
      ObjectNode config = Json.object();
      config.set("defaultAttributeMapping", Json.object().put("id", "nameID").put("email", "email")
          .put("name", "name"));
      config.set("serviceProvider", Json.object().put("entityId", origin + "/enterprise-sso/" + id)
          .put("assertionConsumerServiceUrl", origin + "/api/authn/single-sign-on/saml/" + id));
      ObjectNode idp = identityProvider((ObjectNode) connector.get("config"), store.now());
      if (idp != null) {
        config.set("identityProvider", idp);
      }
      json.set("providerConfig", config);
    }
    // an OIDC connector's config would come from its issuer's discovery document: Logto leaves it out
    // when that fails, and the emulator cannot fetch it
    return json;
  }

  // the IdP as a SAML connector configured by hand describes it, or null when the config lacks it
  // from inline metadata when the config has it, else from the fields configured by hand
  private static ObjectNode identityProvider(ObjectNode config, long now) {
    String[] described = config.hasNonNull("metadata") ? fromMetadata(config.get("metadata").asText())
        : new String[] {config.path("entityId").asText(null), config.path("signInEndpoint").asText(null),
            config.path("x509Certificate").asText(null)};
    if (described == null || described[0] == null || described[1] == null || described[2] == null) {
      return null;
    }
    String entityId = described[0];
    String endpoint = described[1];
    String pem = described[2];
    X509Certificate certificate;
    try {
      certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
          .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
    } catch (CertificateException | ClassCastException e) {
      return null;
    }
    ObjectNode idp = Json.object().put("entityId", entityId).put("signInEndpoint", endpoint)
        .put("x509Certificate", pem).put("certificateExpiresAt", certificate.getNotAfter().getTime())
        .put("isCertificateValid", now >= certificate.getNotBefore().getTime()
            && now < certificate.getNotAfter().getTime());
    return idp;
  }
}
