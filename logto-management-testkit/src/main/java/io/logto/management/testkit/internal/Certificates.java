package io.logto.management.testkit.internal;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.Signature;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;

/**
 * Self-signed X.509 certificates built with the JDK alone (a small DER writer, {@code KeyPairGenerator}
 * and {@code Signature}), for SAML application secrets and SSO connector signing keys. The subject and
 * issuer are those Logto writes ({@code CN=logto.io, O=Logto, C=US}); each certificate has its own
 * serial number, validity and signature, so its fingerprint is its own. Unlike Logto (a new RSA 4096 key
 * per certificate, signed with SHA-1), every certificate of a JVM certifies one RSA 2048 key, signed with
 * SHA-256: generating an RSA key takes the JDK from a tenth of a second to seconds, which a test suite
 * creating SAML apps would pay per app, while nothing in the API reveals or uses the private key.
 *
 * <p>The key is made on a daemon thread that the first emulator of the JVM starts, and the server waits
 * for it before taking the store's lock for an operation that issues a certificate: a slow key (seconds
 * on a loaded machine) delays only the requests that need it, never the others.
 */
final class Certificates {
  private static final int KEY_BITS = 2048;
  // 1.2.840.113549.1.1.11 sha256WithRSAEncryption
  private static final byte[] SHA256_WITH_RSA = {0x2A, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xF7, 0x0D, 1, 1, 11};
  private static final byte[] COMMON_NAME = {0x55, 0x04, 0x03};
  private static final byte[] ORGANIZATION = {0x55, 0x04, 0x0A};
  private static final byte[] COUNTRY = {0x55, 0x04, 0x06};
  private static final DateTimeFormatter UTC_TIME = DateTimeFormatter.ofPattern("yyMMddHHmmss'Z'")
      .withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter GENERALIZED_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss'Z'")
      .withZone(ZoneOffset.UTC);
  private static final Instant UTC_TIME_END = Instant.parse("2050-01-01T00:00:00Z");

  /** A certificate: its DER bytes and the PEM text Logto answers with (CRLF line ends, 64 columns). */
  record Issued(byte[] der, String pem) {
    /** The DER as one base64 line, as it appears inside SAML metadata. */
    String base64() {
      return Base64.getEncoder().encodeToString(der);
    }

    /** SHA-256 of the DER in upper-case hex, without separators. */
    String sha256() {
      try {
        return HexFormat.of().withUpperCase().formatHex(MessageDigest.getInstance("SHA-256").digest(der));
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("SHA-256 is missing from this JDK", e);
      }
    }

    /** SHA-256 of the DER as colon-separated upper-case hex pairs. */
    String sha256Formatted() {
      return String.join(":", sha256().split("(?<=\\G..)"));
    }
  }

  private Certificates() {}

  /**
   * Waits until the JVM's key pair exists, starting it on first use; call it outside any lock. Made on
   * first need, not when an emulator starts: most emulators never issue a certificate, and every JVM
   * would pay for an RSA key at start-up.
   */
  static void awaitKeyPair() {
    SharedKey.PAIR.join();
  }

  /** A new certificate of the JVM's key pair, valid from {@code notBefore} to {@code notAfter}. */
  static Issued selfSigned(Instant notBefore, Instant notAfter, SecureRandom random) {
    try {
      KeyPair keys = SharedKey.PAIR.join();
      byte[] serial = new byte[16];
      random.nextBytes(serial);
      serial[0] &= 0x7F; // a positive INTEGER
      byte[] algorithm = sequence(tlv(0x06, SHA256_WITH_RSA), new byte[] {0x05, 0x00});
      byte[] name = sequence(
          set(sequence(tlv(0x06, COMMON_NAME), printable("logto.io"))),
          set(sequence(tlv(0x06, ORGANIZATION), printable("Logto"))),
          set(sequence(tlv(0x06, COUNTRY), printable("US"))));
      byte[] tbs = sequence(
          tlv(0xA0, tlv(0x02, new byte[] {2})), // version 3
          tlv(0x02, new BigInteger(serial).toByteArray()),
          algorithm,
          name,
          sequence(time(notBefore), time(notAfter)),
          name,
          keys.getPublic().getEncoded());
      Signature signer = Signature.getInstance("SHA256withRSA");
      signer.initSign(keys.getPrivate(), random);
      signer.update(tbs);
      byte[] signature = signer.sign();
      byte[] bitString = new byte[signature.length + 1]; // leading byte: no unused bits
      System.arraycopy(signature, 0, bitString, 1, signature.length);
      byte[] der = sequence(tbs, algorithm, tlv(0x03, bitString));
      return new Issued(der, pem(der));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK cannot create an RSA certificate", e);
    }
  }

  // started on first use, once per JVM (the holder idiom makes that lazy and thread-safe); the holder's
  // initialisation only starts the thread, so no caller waits for the key while initialising the class
  // (a wait there would block every thread touching the class, interrupts ignored)
  private static final class SharedKey {
    static final CompletableFuture<KeyPair> PAIR = start();

    private static CompletableFuture<KeyPair> start() {
      CompletableFuture<KeyPair> pair = new CompletableFuture<>();
      Thread thread = new Thread(() -> {
        try {
          pair.complete(generate());
        } catch (RuntimeException | Error e) {
          pair.completeExceptionally(e);
        }
      }, "logto-emulator-key-pair");
      thread.setDaemon(true);
      thread.start();
      return pair;
    }

    private static KeyPair generate() {
      try {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(KEY_BITS, new SecureRandom());
        return generator.generateKeyPair();
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("the JDK cannot generate an RSA key", e);
      }
    }
  }

  private static String pem(byte[] der) {
    String base64 = Base64.getEncoder().encodeToString(der);
    StringBuilder pem = new StringBuilder("-----BEGIN CERTIFICATE-----\r\n");
    for (int i = 0; i < base64.length(); i += 64) {
      pem.append(base64, i, Math.min(base64.length(), i + 64)).append("\r\n");
    }
    return pem.append("-----END CERTIFICATE-----\r\n").toString();
  }

  // RFC 5280: UTCTime through 2049, GeneralizedTime from 2050
  private static byte[] time(Instant instant) {
    return instant.isBefore(UTC_TIME_END)
        ? tlv(0x17, UTC_TIME.format(instant).getBytes(StandardCharsets.US_ASCII))
        : tlv(0x18, GENERALIZED_TIME.format(instant).getBytes(StandardCharsets.US_ASCII));
  }

  private static byte[] printable(String text) {
    return tlv(0x13, text.getBytes(StandardCharsets.US_ASCII));
  }

  private static byte[] sequence(byte[]... parts) {
    return tlv(0x30, concat(parts));
  }

  private static byte[] set(byte[]... parts) {
    return tlv(0x31, concat(parts));
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }

  /** One DER element: tag, definite length (short or long form), content. */
  private static byte[] tlv(int tag, byte[] content) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(tag);
    int length = content.length;
    if (length < 0x80) {
      out.write(length);
    } else {
      int bytes = (32 - Integer.numberOfLeadingZeros(length) + 7) / 8;
      out.write(0x80 | bytes);
      for (int i = bytes - 1; i >= 0; i--) {
        out.write(length >>> (8 * i));
      }
    }
    out.writeBytes(content);
    return out.toByteArray();
  }
}
