package io.logto.management.core.internal.json;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import java.io.IOException;

/**
 * Describes why a body did not decode without quoting it. Jackson's own messages quote the text they
 * stumbled on ({@code Unrecognized token 'eyJhbGciOi...'}, {@code from String "jane@example.com"}), so
 * only the kind of problem, the property path and the position are kept.
 */
public final class JsonProblem {
  private JsonProblem() {}

  /**
   * Describes a decoding failure without the text it quotes.
   *
   * @param e the failure
   * @return its kind, the property path and the position
   */
  public static String describe(IOException e) {
    StringBuilder out = new StringBuilder(e.getClass().getSimpleName());
    if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
      out.append(" at $");
      for (JsonMappingException.Reference reference : mapping.getPath()) {
        if (reference.getFieldName() != null) {
          out.append('.').append(reference.getFieldName());
        } else if (reference.getIndex() >= 0) {
          out.append('[').append(reference.getIndex()).append(']');
        }
      }
    }
    if (e instanceof JsonProcessingException processing && processing.getLocation() != null) {
      JsonLocation location = processing.getLocation();
      out.append(" (line ").append(location.getLineNr()).append(", column ").append(location.getColumnNr())
          .append(')');
    }
    return out.toString();
  }
}
