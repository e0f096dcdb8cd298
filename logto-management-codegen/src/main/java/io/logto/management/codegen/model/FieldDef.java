package io.logto.management.codegen.model;

import java.util.Objects;

/**
 * One property of a generated record: wire and Java names, type, and the facts its Javadoc states.
 *
 * @param jsonName the property name on the wire
 * @param javaName the record component name
 * @param type the Java type
 * @param required whether the schema lists the property as required
 * @param nullable whether the schema allows {@code null}
 * @param facts constraint facts for Javadoc (may be empty)
 * @param constant the one value a oneOf variant pins the property to (its discriminator), or {@code
 *     null}; the variant's builder sets it
 */
public record FieldDef(
    String jsonName,
    String javaName,
    TypeRef type,
    boolean required,
    boolean nullable,
    String facts,
    String constant) {
  /**
   * A property no variant pins.
   *
   * @param jsonName the property name on the wire
   * @param javaName the record component name
   * @param type the Java type
   * @param required whether the schema lists the property as required
   * @param nullable whether the schema allows {@code null}
   * @param facts constraint facts for Javadoc (may be empty)
   */
  public FieldDef(String jsonName, String javaName, TypeRef type, boolean required, boolean nullable, String facts) {
    this(jsonName, javaName, type, required, nullable, facts, null);
  }

  /**
   * Checks that the names, type and facts are present.
   *
   * @param jsonName the property name on the wire
   * @param javaName the record component name
   * @param type the Java type
   * @param required whether the schema lists the property as required
   * @param nullable whether the schema allows {@code null}
   * @param facts constraint facts for Javadoc (may be empty)
   * @param constant the one value a oneOf variant pins the property to (its discriminator), or {@code
   *     null}; the variant's builder sets it
   */
  public FieldDef {
    Objects.requireNonNull(jsonName, "jsonName == null");
    Objects.requireNonNull(javaName, "javaName == null");
    Objects.requireNonNull(type, "type == null");
    Objects.requireNonNull(facts, "facts == null");
  }

  /**
   * Whether the property is optional and nullable: absent and {@code null} must stay distinct, so the
   * field is a JsonField.
   *
   * @return whether the field is a JsonField
   */
  public boolean tristate() {
    return !required && nullable;
  }
}
