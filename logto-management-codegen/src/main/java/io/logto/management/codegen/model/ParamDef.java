package io.logto.management.codegen.model;

import java.util.Objects;

/**
 * A path or query parameter of an operation, emitted as a method argument or a params component.
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
  /**
   * Checks that the names, type and facts are present.
   *
   * @param name wire name
   * @param javaName Java name
   * @param type Java type
   * @param required whether the parameter is required
   * @param explodedObject a form-exploded object: its map entries become top-level query keys
   * @param facts constraint facts for Javadoc (may be empty)
   */
  public ParamDef {
    Objects.requireNonNull(name, "name == null");
    Objects.requireNonNull(javaName, "javaName == null");
    Objects.requireNonNull(type, "type == null");
    Objects.requireNonNull(facts, "facts == null");
  }
}
