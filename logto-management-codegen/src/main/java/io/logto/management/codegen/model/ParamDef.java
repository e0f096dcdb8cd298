package io.logto.management.codegen.model;

import java.util.Objects;

/**
 * A path or query parameter.
 *
 * @param name wire name
 * @param javaName Java name
 * @param type Java type
 * @param required whether the parameter is required
 * @param explodedObject a form-exploded object: its map entries become top-level query keys
 * @param facts constraint facts for Javadoc (may be empty)
 */
public record ParamDef(
    String name, String javaName, TypeRef type, boolean required, boolean explodedObject, String facts) {
  public ParamDef {
    Objects.requireNonNull(name, "name == null");
    Objects.requireNonNull(javaName, "javaName == null");
    Objects.requireNonNull(type, "type == null");
    Objects.requireNonNull(facts, "facts == null");
  }
}
