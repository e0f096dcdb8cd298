package io.logto.management.codegen.naming;

import io.logto.management.codegen.model.FieldDef;
import io.logto.management.codegen.model.TypeDef;
import io.logto.management.codegen.model.TypeRef;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Entity identity and the names that follow from it, decided once over the whole read model (the
 * naming step of the pipeline; explicit exceptions stay in {@link Overrides}):
 *
 * <ul>
 *   <li>the answer of a read of one object names what it reads: {@code GetActionResponse} ->
 *       {@code Action}, and its nested types follow ({@code GetLogResponsePayload} -> {@code
 *       LogPayload});
 *   <li>an element of a listing is the listed entity: {@code ListOrganizationsResponseItem} is an
 *       {@code Organization}. When a record of the entity exists and the element has every
 *       property that record requires, of the same type, the two are one record and the
 *       properties only the listing adds (counts, relations) are optional components of it; the
 *       entity is the listed noun ({@code OrganizationRole}) or its last word ({@code
 *       ListRoleScopes} lists {@code Scope}s). Else the element is named for the listed noun in
 *       the singular ({@code ListHookRecentLogsResponseItem} -> {@code HookRecentLog}).
 *   <li>a record that only carries ids is named for them: {@code {"userIds": [...]}} is {@code
 *       UserIds}, as body and as answer alike (never {@code ...Request} for what an operation
 *       answers).
 * </ul>
 *
 * A rule never takes a name another type already has, except for the identity merge above.
 */
public final class EntityNames {
  private static final Pattern READ = Pattern.compile("^Get([A-Z][A-Za-z0-9]*?)Response([A-Z][A-Za-z0-9]*)?$");
  private static final Pattern ELEMENT =
      Pattern.compile("^(?:List|Get)([A-Z][A-Za-z0-9]*?)ResponseItem([A-Z][A-Za-z0-9]*)?$");

  private EntityNames() {}

  /**
   * The renames the rules decide for these types: old name to new name, sorted.
   *
   * @param types the model types, named as read
   * @return old name to new name
   */
  public static Map<String, String> renames(Collection<TypeDef> types) {
    Map<String, TypeDef> byName = new TreeMap<>();
    types.forEach(t -> byName.put(t.name(), t));
    Map<String, String> renames = new TreeMap<>();
    Set<String> taken = new HashSet<>(byName.keySet());
    // reads of one object first: they name the entities the listings are compared with
    for (String name : byName.keySet()) {
      Matcher m = READ.matcher(name);
      boolean element = ELEMENT.matcher(name).matches();
      if (!element && m.matches() && byName.containsKey("Get" + m.group(1) + "Response")) {
        String target = m.group(1) + (m.group(2) == null ? "" : m.group(2));
        if (taken.add(target)) {
          renames.put(name, target);
        }
      }
    }
    Map<String, TypeDef> entities = new TreeMap<>();
    byName.forEach((name, def) -> entities.put(renames.getOrDefault(name, name), def));
    Map<String, String> elementNames = new TreeMap<>();
    for (String name : byName.keySet()) {
      Matcher m = ELEMENT.matcher(name);
      if (m.matches() && m.group(2) == null && byName.get(name) instanceof TypeDef.RecordDef item) {
        // a record element: the listed entity, or named for it
        elementName(m.group(1), item, entities, taken).ifPresent(target -> {
          elementNames.put(m.group(1), target);
          renames.put(name, target);
        });
      }
    }
    // the types nested in an element follow it: ListOrganizationRolesResponseItemResourceScopesItem
    for (String name : byName.keySet()) {
      Matcher m = ELEMENT.matcher(name);
      if (m.matches() && m.group(2) != null && elementNames.containsKey(m.group(1))) {
        String target = elementNames.get(m.group(1)) + m.group(2);
        if (taken.add(target)) {
          renames.put(name, target);
        }
      }
    }
    // a body or answer that only carries ids is named for them: {"userIds": [...]} is UserIds,
    // whichever operation sends or answers it
    for (Map.Entry<String, TypeDef> e : byName.entrySet()) {
      if (e.getValue() instanceof TypeDef.RecordDef r
          && r.fields().size() == 1
          && r.fields().get(0).jsonName().endsWith("Ids")
          && r.fields().get(0).type().equals(new TypeRef.ListOf(TypeRef.Scalar.STRING))
          && !renames.containsKey(e.getKey())) {
        String target = Names.pascal(r.fields().get(0).jsonName());
        if (taken.add(target)) {
          renames.put(e.getKey(), target);
        }
      }
    }
    return renames;
  }

  private static Optional<String> elementName(
      String listed, TypeDef.RecordDef item, Map<String, TypeDef> entities, Set<String> taken) {
    List<String> words = Names.words(listed);
    String whole = singular(words);
    String last = Names.singular(words.get(words.size() - 1));
    for (String candidate : List.of(whole, last)) {
      if (entities.get(candidate) instanceof TypeDef.RecordDef entity && sameEntity(item, entity)) {
        return Optional.of(candidate);
      }
    }
    return taken.add(whole) ? Optional.of(whole) : Optional.empty();
  }

  private static String singular(List<String> words) {
    List<String> out = new ArrayList<>(words);
    out.set(out.size() - 1, Names.singular(out.get(out.size() - 1)));
    return String.join("", out);
  }

  /**
   * Whether a listing's element is the entity: it has every property the entity requires, each
   * required and of the same type, and no property both have differs in type.
   */
  static boolean sameEntity(TypeDef.RecordDef item, TypeDef.RecordDef entity) {
    Map<String, FieldDef> own = new TreeMap<>();
    item.fields().forEach(f -> own.put(f.jsonName(), f));
    boolean any = false;
    for (FieldDef f : entity.fields()) {
      FieldDef mine = own.get(f.jsonName());
      if (mine == null) {
        if (f.required()) {
          return false;
        }
        continue;
      }
      if (!mine.type().equals(f.type()) || (f.required() && !mine.required())) {
        return false;
      }
      any = true;
    }
    return any;
  }
}
