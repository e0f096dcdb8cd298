package io.logto.management.codegen.model;

/**
 * Thrown when the document cannot be turned into code as it stands (a name collision, a missing
 * operationId...); the message says what to fix.
 */
public final class GenerationException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception with a message saying what to fix.
   *
   * @param message what is wrong and what to change
   */
  public GenerationException(String message) {
    super(message);
  }
}
