package io.logto.management.codegen.model;

/** The document cannot be turned into code as it stands (a name collision, a missing operationId...). */
public final class GenerationException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception with a message saying what to fix. */
  public GenerationException(String message) {
    super(message);
  }
}
