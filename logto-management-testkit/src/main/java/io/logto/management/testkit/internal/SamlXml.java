package io.logto.management.testkit.internal;

import java.io.ByteArrayInputStream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;

/** The SAML XML the emulator reads (an SSO connector's IdP metadata, a SAML application's authentication requests). */
final class SamlXml {
  /** The HTTP-POST binding, the only one a SAML application's ACS URL may use. */
  static final String POST_BINDING = "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST";

  private SamlXml() {}

  /** Parses a namespace-aware document, refusing DTDs, external entities and schemas. */
  static Document parse(byte[] bytes)
      throws javax.xml.parsers.ParserConfigurationException, org.xml.sax.SAXException, java.io.IOException {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    // a SAML message never needs a DTD: refusing them rules out entity expansion
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
    var builder = factory.newDocumentBuilder();
    // fail on the first error instead of printing it to stderr
    builder.setErrorHandler(new org.xml.sax.helpers.DefaultHandler());
    return builder.parse(new ByteArrayInputStream(bytes));
  }
}
