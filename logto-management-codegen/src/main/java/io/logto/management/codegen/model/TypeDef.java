package io.logto.management.codegen.model;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** A model type to generate, named and located by the JSON pointer of its schema. */
public sealed interface TypeDef {
  /** Simple Java name, unique within the model package. */
  String name();

  /** JSON pointer of the schema the type was made from (for collision messages and Javadoc). */
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
    public RecordDef {
      Objects.requireNonNull(name, "name == null");
      fields = List.copyOf(fields);
      implementsOneOf = List.copyOf(new java.util.TreeSet<>(implementsOneOf));
    }

    /** The same record, also a request part when {@code request}, also implementing {@code oneOfs}. */
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
    public Variant {
      required = List.copyOf(required);
      // sorted, so the shape key and the emitted code do not depend on hash order
      java.util.TreeMap<String, Set<String>> sorted = new java.util.TreeMap<>();
      constants.forEach((k, v) -> sorted.put(k, java.util.Collections.unmodifiableSet(new java.util.TreeSet<>(v))));
      constants = java.util.Collections.unmodifiableMap(sorted);
    }
  }
}
