package io.logto.management.webhooks;

import static java.util.Objects.requireNonNull;

import io.logto.management.core.LogtoException;
import org.jspecify.annotations.Nullable;

/**
 * Thrown when a webhook delivery is refused: its signature is missing, malformed or made with none of the
 * receiver's keys, its body is over the size limit or not a JSON payload, or it is older than the replay
 * window. The message says which and never contains the body, a signing key or the received signature.
 */
public final class WebhookVerificationException extends LogtoException {
  private static final long serialVersionUID = 1L;

  /** Why a delivery was refused. */
  public enum Reason {
    /** The request has no {@code logto-signature-sha-256} header (or an empty one). */
    SIGNATURE_MISSING(401),
    /** The header is not 64 hexadecimal characters (a SHA-256 digest). */
    SIGNATURE_MALFORMED(401),
    /** The header is well formed but no configured signing key produces it for this body. */
    SIGNATURE_MISMATCH(401),
    /** The body is larger than the receiver's limit; it was not read beyond the limit. */
    BODY_TOO_LARGE(413),
    /** The signed payload's {@code createdAt} lies outside the configured replay window. */
    TOO_OLD(401),
    /** The body is signed correctly but is not a Logto webhook payload (a JSON object with
     * {@code event}, {@code createdAt} and {@code hookId}). */
    BODY_MALFORMED(400);

    private final int httpStatus;

    Reason(int httpStatus) {
      this.httpStatus = httpStatus;
    }

    /**
     * The HTTP status a receiving endpoint answers for this reason: 401 for a delivery that does not
     * verify, 413 for one over the limit, 400 for a verified body that is no webhook payload. Logto
     * records any status outside 2xx as a failed delivery and does not retry it.
     *
     * @return the status code
     */
    public int httpStatus() {
      return httpStatus;
    }
  }

  /** Why the delivery was refused, which decides the HTTP status to answer. */
  private final Reason reason;

  WebhookVerificationException(Reason reason, String message) {
    this(reason, message, null);
  }

  WebhookVerificationException(Reason reason, String message, @Nullable Throwable cause) {
    super(message, cause);
    this.reason = requireNonNull(reason, "reason == null");
  }

  /**
   * Why the delivery was refused.
   *
   * @return the reason
   */
  public Reason reason() {
    return reason;
  }
}
