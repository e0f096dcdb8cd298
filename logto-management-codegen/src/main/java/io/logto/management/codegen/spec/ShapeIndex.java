package io.logto.management.codegen.spec;

import io.logto.management.codegen.model.FieldDef;
import io.logto.management.codegen.model.GenerationException;
import io.logto.management.codegen.model.TypeDef;
import io.logto.management.codegen.model.TypeRef;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The identity step of the reader: every type read so far by name, and one class per shape.
 * Structurally identical schemas are one type whatever operation, request or oneOf they sit in
 * (a record may implement several oneOf interfaces); the other names a shape was met under are
 * kept, for the naming step to choose the best one.
 */
final class ShapeIndex {
  private final Map<String, TypeDef> types = new TreeMap<>();
  private final Map<String, String> shapes = new HashMap<>();
  /** For each generated type, the other names its shape was met under, in document order. */
  private final Map<String, List<String>> aliases = new TreeMap<>();

  /** The types by name, sorted. */
  Map<String, TypeDef> types() {
    return types;
  }

  /** For each type, the other names its shape was met under. */
  Map<String, List<String>> aliases() {
    return aliases;
  }

  /** The type of that name read so far, or null. */
  TypeDef get(String name) {
    return types.get(name);
  }

  /**
   * Registers a type; a type with the same shape as one already registered is not generated
   * twice: the first one (in document order) is reused, so identical inline schemas of several
   * operations share one class.
   */
  TypeRef.Named register(TypeDef def) {
    String shape = shape(def);
    String same = shapes.get(shape);
    if (same != null) {
      if (!same.equals(def.name()) && !types.containsKey(def.name())) {
        aliases.computeIfAbsent(same, k -> new ArrayList<>()).add(def.name());
      }
      if (def instanceof TypeDef.RecordDef r && types.get(same) instanceof TypeDef.RecordDef existing) {
        types.put(same, existing.merge(r.request(), r.implementsOneOf()));
      } else if (def instanceof TypeDef.OneOfDef o) {
        // the variants were registered as implementing this (dropped) oneOf: point them at the kept one
        for (TypeDef.Variant v : o.variants()) {
          if (types.get(v.type()) instanceof TypeDef.RecordDef variant) {
            List<String> parents = new ArrayList<>(variant.implementsOneOf());
            parents.remove(o.name());
            parents.add(same);
            types.put(v.type(), new TypeDef.RecordDef(variant.name(), variant.origin(), variant.fields(), variant.request(), parents));
          }
        }
      }
      return new TypeRef.Named(same);
    }
    TypeDef existing = types.get(def.name());
    if (existing != null && !existing.origin().equals(def.origin())) {
      throw new GenerationException(
          "type name collision: " + def.name() + " is produced by both " + existing.origin()
              + " and " + def.origin() + "; add a type." + def.name()
              + "=<NewName> entry to the overrides file");
    }
    types.put(def.name(), def);
    shapes.put(shape, def.name());
    return new TypeRef.Named(def.name());
  }

  private static String shape(TypeDef def) {
    if (def instanceof TypeDef.RecordDef r) {
      // a request part and a response part of one shape are one record (with a builder); a shape met
      // as a variant of several oneOfs is one record implementing each
      // a pinned discriminator does not make a shape different: a loose copy of a variant is that variant
      List<String> fields = new ArrayList<>();
      r.fields().forEach(f -> fields.add(new FieldDef(f.jsonName(), f.javaName(), f.type(), f.required(), f.nullable(), f.facts()).toString()));
      return "record " + fields;
    }
    if (def instanceof TypeDef.EnumDef e) {
      return "enum " + e.values();
    }
    return "oneOf " + ((TypeDef.OneOfDef) def).variants();
  }

  // ---- helpers ---------------------------------------------------------------------------
}
