package io.logto.management.codegen.model;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** A model type to generate, named and located by the JSON pointer of its schema. */
public sealed interface TypeDef {
  /**
   * The simple Java name, unique within the model package.
   *
   * @return the name
   */
  String name();

  /**
   * The JSON pointer of the schema the type was made from (for collision messages and Javadoc).
   *
   * @return the pointer
   */
  String origin();

  /**
   * A record.
   *
   * @param name simple name
   * @param origin schema pointer
   * @param fields properties in document order
   * @param request whether it is (part of) a request body, so it gets a builder and required checks
   * @param implementsOneOf the oneOf interfaces it is a variant of (one shape may be a variant of
   *     several), sorted
   */
  record RecordDef(
      String name, String origin, List<FieldDef> fields, boolean request, List<String> implementsOneOf)
      implements TypeDef {
    /**
     * Checks the name, copies the fields and sorts the interfaces.
     *
     * @param name simple name
     * @param origin schema pointer
     * @param fields properties in document order
     * @param request whether it is (part of) a request body, so it gets a builder and required checks
     * @param implementsOneOf the oneOf interfaces it is a variant of (one shape may be a variant of
     *     several), sorted
     */
    public RecordDef {
      Objects.requireNonNull(name, "name == null");
      fields = List.copyOf(fields);
      implementsOneOf = List.copyOf(new java.util.TreeSet<>(implementsOneOf));
    }

    /**
     * The same record, also a request part when {@code request}, also implementing {@code oneOfs}.
     *
     * @param request whether the record is (also) part of a request body
     * @param oneOfs further oneOf interfaces it is a variant of
     * @return the merged record
     */
    public RecordDef merge(boolean request, List<String> oneOfs) {
      List<String> all = new java.util.ArrayList<>(implementsOneOf);
      all.addAll(oneOfs);
      return new RecordDef(name, origin, fields, this.request || request, all);
    }
  }

  /**
   * A string enum.
   *
   * @param name simple name
   * @param origin schema pointer
   * @param values wire values in document order
   */
  record EnumDef(String name, String origin, List<String> values) implements TypeDef {
    /**
     * Checks the name and copies the values.
     *
     * @param name simple name
     * @param origin schema pointer
     * @param values wire values in document order
     */
    public EnumDef {
      Objects.requireNonNull(name, "name == null");
      values = List.copyOf(values);
    }
  }

  /**
   * A oneOf of objects: a sealed interface with record variants and a JSON fallback.
   *
   * @param name simple name
   * @param origin schema pointer
   * @param variants the variants in document order
   */
  record OneOfDef(String name, String origin, List<Variant> variants) implements TypeDef {
    /**
     * Checks the name and copies the variants.
     *
     * @param name simple name
     * @param origin schema pointer
     * @param variants the variants in document order
     */
    public OneOfDef {
      Objects.requireNonNull(name, "name == null");
      variants = List.copyOf(variants);
    }
  }

  /**
   * How a JSON object is recognised as one variant.
   *
   * @param type the variant record's simple name
   * @param required properties that must be present
   * @param constants properties whose value must be one of the given texts
   */
  record Variant(String type, List<String> required, Map<String, Set<String>> constants) {
    /**
     * Copies the lists and sorts the constants, so output does not depend on hash order.
     *
     * @param type the variant record's simple name
     * @param required properties that must be present
     * @param constants properties whose value must be one of the given texts
     */
    public Variant {
      required = List.copyOf(required);
      // sorted, so the shape key and the emitted code do not depend on hash order
      java.util.TreeMap<String, Set<String>> sorted = new java.util.TreeMap<>();
      constants.forEach((k, v) -> sorted.put(k, java.util.Collections.unmodifiableSet(new java.util.TreeSet<>(v))));
      constants = java.util.Collections.unmodifiableMap(sorted);
    }
  }
}
