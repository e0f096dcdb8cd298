package io.logto.management.codegen.spec;

import io.logto.management.codegen.model.TypeRef;
import io.logto.management.codegen.naming.Overrides;
import io.swagger.v3.oas.models.media.Schema;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The facts a property's or parameter's Javadoc states beyond its type: units, enum values,
 * bounds, lengths, default, deprecation (the facts step of the reader).
 */
final class Facts {
  private final Overrides overrides;
  private final UnaryOperator<Schema<?>> deref;

  Facts(Overrides overrides, UnaryOperator<Schema<?>> deref) {
    this.overrides = overrides;
    this.deref = deref;
  }

  /**
   * Facts of a property or parameter for Javadoc: its unit (an epoch timestamp's, or the {@code
   * unit.} override of its wire name), enum values, bounds, lengths, default, deprecation.
   */
  String of(Schema<?> raw, String wireName, TypeRef type) {
    List<String> facts = new ArrayList<>();
    if (type == TypeRef.Scalar.INSTANT_MILLIS) {
      facts.add("epoch milliseconds on the wire");
    } else if (type == TypeRef.Scalar.INSTANT_SECONDS) {
      facts.add("epoch seconds on the wire");
    } else if (type == TypeRef.Scalar.INSTANT_TEXT) {
      facts.add("ISO-8601 text on the wire");
    } else if (type == TypeRef.Scalar.INTEGER || type == TypeRef.Scalar.LONG || type == TypeRef.Scalar.NUMBER) {
      overrides.unit(wireName).ifPresent(facts::add);
    }
    Schema<?> s = deref.apply(raw);
    if (s == null) {
      return String.join(", ", facts);
    }
    enumValues(s).ifPresent(values -> facts.add("one of " + values));
    if (s.getItems() != null) {
      enumValues(deref.apply(s.getItems())).ifPresent(values -> facts.add("each one of " + values));
    }
    if (s.getMinimum() != null) {
      facts.add("minimum " + s.getMinimum().toPlainString());
    }
    if (s.getMaximum() != null) {
      facts.add("maximum " + s.getMaximum().toPlainString());
    }
    if (s.getMinLength() != null) {
      facts.add("minLength " + s.getMinLength());
    }
    if (s.getMaxLength() != null) {
      facts.add("maxLength " + s.getMaxLength());
    }
    if (s.getMinItems() != null) {
      facts.add("minItems " + s.getMinItems());
    }
    if (s.getMaxItems() != null) {
      facts.add("maxItems " + s.getMaxItems());
    }
    if (s.getDefault() != null) {
      facts.add("default: " + s.getDefault());
    }
    if (Boolean.TRUE.equals(s.getDeprecated()) || Boolean.TRUE.equals(raw.getDeprecated())) {
      facts.add("deprecated");
    }
    return String.join(", ", facts);
  }

  /** The enum values of a schema joined for Javadoc ({@code a | b}), if it has any. */
  private static Optional<String> enumValues(Schema<?> s) {
    if (s == null || s.getEnum() == null || s.getEnum().isEmpty()) {
      return Optional.empty();
    }
    List<String> values = new ArrayList<>();
    for (Object v : s.getEnum()) {
      values.add(String.valueOf(v));
    }
    return Optional.of(String.join(" | ", values));
  }
}
