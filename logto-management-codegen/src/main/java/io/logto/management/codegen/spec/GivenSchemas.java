package io.logto.management.codegen.spec;

import io.logto.management.codegen.model.GenerationException;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/** The schemas that {@code enum-of} and {@code shape} corrections put in place of the document's. */
final class GivenSchemas {
  private GivenSchemas() {}

  /**
   * The schema an {@code enum-of} or {@code shape} entry puts in place (null for other fixes): the
   * enum of the named operation's answer at the entry's path, or the named shape.
   */
  static Schema<?> of(OpenAPI api, Corrections.Entry e) {
    if (e.fix() == Corrections.Fix.SHAPE) {
      Schema<?> shape = named(e.argument());
      if (shape == null) {
        throw new GenerationException("no shape '" + e.argument() + "' in " + Corrections.SHAPES_RESOURCE + ": " + e);
      }
      return shape;
    }
    if (e.fix() != Corrections.Fix.ENUM_OF) {
      return null;
    }
    int colon = e.target().indexOf(':');
    Operation source = null;
    for (PathItem item : api.getPaths().values()) {
      for (Operation op : item.readOperations()) {
        source = e.argument().equals(op.getOperationId()) ? op : source;
      }
    }
    Schema<?> answer = source == null ? null : CorrectionsApplier.responseSchema(source);
    for (String step : colon < 0 ? List.<String>of() : List.of(e.target().substring(colon + 1).split("\\."))) {
      answer = CorrectionsApplier.deref(api, answer);
      if (answer != null && step.startsWith("[]")) {
        answer = answer.getItems();
        step = step.substring(2);
      }
      answer = CorrectionsApplier.deref(api, answer);
      answer = answer == null || step.isEmpty() || answer.getProperties() == null ? answer : answer.getProperties().get(step);
    }
    answer = CorrectionsApplier.deref(api, answer);
    if (answer == null || answer.getEnum() == null || answer.getEnum().isEmpty()) {
      throw new GenerationException("'enum-of': " + e.argument() + " answers no enum at " + e.target() + ": " + e);
    }
    StringSchema values = new StringSchema();
    answer.getEnum().forEach(v -> values.addEnumItem(String.valueOf(v)));
    return values;
  }

  /** A fresh copy of the named shape (each use may set its own description), or null. */
  private static Schema<?> named(String name) {
    try (InputStream in = GivenSchemas.class.getResourceAsStream(Corrections.SHAPES_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + Corrections.SHAPES_RESOURCE);
      }
      var shapes = Json.mapper().readTree(in);
      return shapes.has(name) ? Json.mapper().treeToValue(shapes.get(name), Schema.class) : null;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
