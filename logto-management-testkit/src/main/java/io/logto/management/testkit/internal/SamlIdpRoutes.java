package io.logto.management.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.util.Base64;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Logto as a SAML identity provider: the IdP metadata of a SAML application, its authentication request
 * endpoints (redirect and POST bindings) and the OIDC callback that ends the browser sign-in. The
 * metadata and every refusal (bad query or body, unknown application, a request that does not decode or
 * names another issuer) are answered as Logto answers them; a valid request would continue in a browser
 * through Logto's OIDC sign-in, which the emulator does not serve: those answer 501 naming what is missing.
 */
final class SamlIdpRoutes {
  /** The cookie Logto's SAML authn endpoints set to the SP-initiated sign-in session's id. */
  private static final String SESSION_COOKIE = "_logto_sp_saml_sso_session_id";
  private static final String PROTOCOL = "urn:oasis:names:tc:SAML:2.0:protocol";
  private static final String ASSERTION = "urn:oasis:names:tc:SAML:2.0:assertion";
  private static final int MAX_RELAY_STATE = 512;

  private final Store store;

  SamlIdpRoutes(Store store) {
    this.store = store;
  }

  // a browser or a service provider calls these: the document marks them as needing a token, but
  // Logto serves them on its anonymous router
  void register(Declarations handlers) {
    handlers.declare("ListSamlApplicationMetadata", call -> Reply.text(200, "text/xml;charset=utf-8",
        metadata(call.param("id"), call.origin()))).anonymous();
    handlers.declare("GetSamlAuthn", call -> {
      Guard guard = Guard.query(queryObject(call));
      String request = guard.name("SAMLRequest");
      guard.string("Signature", false);
      guard.string("SigAlg", false);
      relayState(guard);
      guard.check();
      ObjectNode config = details(call.param("id"));
      Document document;
      try {
        document = SamlXml.parse(inflate(Base64.getMimeDecoder().decode(request)));
      } catch (IllegalArgumentException | DataFormatException | javax.xml.parsers.ParserConfigurationException
          | org.xml.sax.SAXException | java.io.IOException e) {
        // Logto's SAML library throws a plain error on an undecodable request: an internal error
        throw ApiError.of(500, Json.object().put("message", "Internal server error."));
      }
      return continueInBrowser(call, document, config);
    }).anonymous();
    handlers.declare("CreateSamlAuthn", call -> {
      Guard guard = call.guard();
      String request = guard.name("SAMLRequest");
      relayState(guard);
      guard.check();
      ObjectNode config = details(call.param("id"));
      Document document;
      try {
        document = SamlXml.parse(Base64.getMimeDecoder().decode(request));
      } catch (IllegalArgumentException | javax.xml.parsers.ParserConfigurationException
          | org.xml.sax.SAXException | java.io.IOException e) {
        throw invalidRequest();
      }
      return continueInBrowser(call, document, config);
    }).anonymous();
    handlers.declare("GetSamlApplicationCallback", this::callback).anonymous();
  }

  /** The IdP metadata of a SAML application with an active certificate. */
  private String metadata(String id, String origin) {
    ObjectNode config = details(id);
    String certificate = store.samlSecrets.active(id).get("certificate").asText()
        .replace("-----BEGIN CERTIFICATE-----", "").replace("-----END CERTIFICATE-----", "").replaceAll("\\s", "");
    String authn = origin + "/api/saml/" + id + "/authn";
    return "<EntityDescriptor xmlns=\"urn:oasis:names:tc:SAML:2.0:metadata\""
        + " xmlns:assertion=\"" + ASSERTION + "\" xmlns:ds=\"http://www.w3.org/2000/09/xmldsig#\""
        + " entityID=\"" + escape(origin + "/saml/" + id) + "\">"
        + "<IDPSSODescriptor WantAuthnRequestsSigned=\"false\" protocolSupportEnumeration=\"" + PROTOCOL + "\">"
        + "<KeyDescriptor use=\"signing\"><ds:KeyInfo xmlns:ds=\"http://www.w3.org/2000/09/xmldsig#\"><ds:X509Data>"
        + "<ds:X509Certificate>" + certificate + "</ds:X509Certificate></ds:X509Data></ds:KeyInfo></KeyDescriptor>"
        + "<NameIDFormat>" + escape(config.get("nameIdFormat").asText()) + "</NameIDFormat>"
        + "<SingleSignOnService Binding=\"urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect\" Location=\""
        + escape(authn) + "\"></SingleSignOnService>"
        + "<SingleSignOnService Binding=\"" + SamlXml.POST_BINDING + "\" Location=\"" + escape(authn)
        + "\"></SingleSignOnService></IDPSSODescriptor></EntityDescriptor>";
  }

  private Reply callback(Call call) {
    Guard guard = Guard.query(queryObject(call));
    String code = guard.string("code", false);
    String state = guard.string("state", false);
    String redirectUri = guard.string("redirectUri", false);
    String error = guard.string("error", false);
    String description = guard.string("error_description", false);
    guard.check();
    if (code == null && error == null
        || code != null && (error != null || description != null)
        || error != null && (state != null || redirectUri != null)) {
      throw ApiError.of(400, "guard.invalid_input", "The request query is invalid.");
    }
    if (error != null) {
      throw ApiError.of(400, "oidc.invalid_request", "Request is invalid.");
    }
    String id = call.param("id");
    details(id);
    // the app's registered redirect URI is this callback (Logto creates SAML apps with it)
    if (redirectUri != null && !redirectUri.isEmpty()
        && !redirectUri.equals(call.origin() + "/api/saml-applications/" + id + "/callback")) {
      throw ApiError.of(400, "oidc.invalid_redirect_uri",
          "`redirect_uri` did not match any of the client's registered `redirect_uris`.");
    }
    if (state != null && !state.isEmpty()) {
      // a state means a sign-in the SAML authn endpoint started: its session id is in a cookie
      if (cookie(call, SESSION_COOKIE) == null) {
        throw ApiError.of(400, "application.saml.sp_initiated_saml_sso_session_not_found_in_cookies",
            "Service provider initiated SAML SSO session ID not found in cookies.");
      }
      // the emulator's authn endpoints answer 501 before Logto would store a session: none exists
      throw ApiError.of(400, "application.saml.sp_initiated_saml_sso_session_not_found",
          "Service provider initiated SAML SSO session not found.");
    }
    throw call.notEmulated("Logto's OIDC provider to exchange the code of the browser sign-in this callback ends");
  }

  /** A request cookie's value, or null when absent or empty (Koa's unsigned cookies, as Logto reads them). */
  private static String cookie(Call call, String name) {
    String header = call.header("Cookie");
    if (header == null) {
      return null;
    }
    for (String pair : header.split(";")) {
      int eq = pair.indexOf('=');
      if (eq > 0 && pair.substring(0, eq).trim().equals(name)) {
        String value = pair.substring(eq + 1).trim();
        return value.isEmpty() ? null : value;
      }
    }
    return null;
  }

  // what Logto checks of a decoded request before sending the browser to its sign-in page
  private static Reply continueInBrowser(Call call, Document document, ObjectNode config) {
    Element root = document.getDocumentElement();
    NodeList issuers = document.getElementsByTagNameNS(ASSERTION, "Issuer");
    String requestId = root.getAttribute("ID");
    if (!PROTOCOL.equals(root.getNamespaceURI()) || !"AuthnRequest".equals(root.getLocalName())
        || issuers.getLength() == 0 || requestId.isEmpty()) {
      throw invalidRequest();
    }
    String issuer = issuers.item(0).getTextContent().trim();
    if (!issuer.equals(config.path("entityId").asText(null))) {
      throw ApiError.of(400, "application.saml.auth_request_issuer_not_match",
          "The issuer of the SAML authentication request does not match the service provider's entity ID.");
    }
    throw call.notEmulated("a browser to continue the sign-in a valid SAML request starts (Logto's OIDC"
        + " /oidc/auth and its sign-in experience)");
  }

  /** The SAML application's config when it exists and has an active certificate, else 404 as Logto. */
  private ObjectNode details(String id) {
    ObjectNode app = store.applications.get(id);
    if (app == null || !app.get("type").asText().equals("SAML") || store.samlSecrets.active(id) == null) {
      ObjectNode data = Json.object().put("message",
          "Can not find SAML application by ID (" + id + ") with active certificate.");
      throw ApiError.of(404, "entity.not_found", "The resource does not exist.", data, null);
    }
    return store.samlConfigs.get(id);
  }

  private static void relayState(Guard guard) {
    JsonNode relay = guard.nullableString("RelayState");
    if (relay != null && relay.isTextual()) {
      guard.atMost("RelayState", relay.asText(), MAX_RELAY_STATE);
    }
  }

  private static ObjectNode queryObject(Call call) {
    ObjectNode query = Json.object();
    for (String[] pair : call.rawQuery()) {
      String name = OperationTable.decode(pair[0]);
      if (!query.has(name)) {
        query.put(name, call.query(name));
      }
    }
    return query;
  }

  private static ApiError invalidRequest() {
    return ApiError.of(400, "application.saml.invalid_saml_request", "Invalid SAML authentication request.");
  }

  private static byte[] inflate(byte[] deflated) throws DataFormatException {
    Inflater inflater = new Inflater(true);
    try {
      inflater.setInput(deflated);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buffer = new byte[4096];
      while (!inflater.finished()) {
        int n = inflater.inflate(buffer);
        if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
          throw new DataFormatException("truncated deflate stream");
        }
        out.write(buffer, 0, n);
      }
      return out.toByteArray();
    } finally {
      inflater.end();
    }
  }

  /** Parses SAML XML with DTDs refused; the error handler throws instead of printing. */
  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace("\"", "&quot;");
  }
}
