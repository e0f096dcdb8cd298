package io.logto.management.codegen.naming;

import io.logto.management.codegen.model.FieldDef;
import io.logto.management.codegen.model.TypeDef;
import io.logto.management.codegen.model.TypeRef;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The names of types met as the elements of a record's list property, decided once over the read
 * model after the entity names: the element is the property's singular, as a careful person names
 * it ({@code SignInExperience.signInMethods} holds {@code SignInMethod}s, not {@code
 * SignInExperienceSignInMethodsItem}s). The owner's name comes first when the bare singular would
 * be taken by another type or wanted by another element, or is one word, which says too little on
 * its own ({@code JwtAccessTokenContextUser.roles} holds {@code JwtAccessTokenContextUserRole}s, as
 * {@code Role} is the entity). A property that is no plural ({@code dauCurve}, {@code order}) keeps
 * its {@code ...Item}, and so does an element whose names are both taken. The types named after an
 * element ({@code ...ItemScopesItem}, {@code ...ItemResource}) follow its new name.
 */
public final class ElementNames {
  private ElementNames() {}

  /** Where a type's name came from: the record and property it was named after. */
  private record Derived(String owner, String suffix, String single) {}

  /**
   * The renames of these types.
   *
   * @param types every type the reader made
   * @return old name to new name, sorted
   */
  public static Map<String, String> renames(Collection<TypeDef> types) {
    Map<String, TypeDef> byName = new TreeMap<>();
    types.forEach(t -> byName.put(t.name(), t));
    Map<String, Derived> derived = new HashMap<>();
    Map<String, Integer> wanted = new HashMap<>();
    for (TypeDef t : byName.values()) {
      if (!(t instanceof TypeDef.RecordDef r)) {
        continue;
      }
      for (FieldDef f : r.fields()) {
        String property = Names.pascal(f.jsonName());
        TypeRef type = f.type();
        boolean list = type instanceof TypeRef.ListOf;
        TypeRef inner = list ? ((TypeRef.ListOf) type).element() : type;
        String suffix = property + (list ? "Item" : "");
        if (!(inner instanceof TypeRef.Named n) || !n.name().equals(r.name() + suffix)) {
          continue;
        }
        String single = list ? singular(property) : null;
        derived.put(n.name(), new Derived(r.name(), suffix, single));
        if (single != null) {
          wanted.merge(single, 1, Integer::sum);
        }
      }
    }
    Map<String, String> renames = new TreeMap<>();
    Set<String> taken = new TreeSet<>(byName.keySet());
    List<String> order = new ArrayList<>(derived.keySet());
    // owners before what is named after them: an owner's name is a prefix of its elements'
    order.sort(Comparator.comparingInt(String::length).thenComparing(Comparator.naturalOrder()));
    for (String name : order) {
      Derived d = derived.get(name);
      String owner = renames.getOrDefault(d.owner(), d.owner());
      String target = null;
      if (d.single() != null) {
        boolean bare = Names.words(d.single()).size() > 1 && wanted.get(d.single()) == 1 && !taken.contains(d.single());
        target = bare ? d.single() : owner + d.single();
      } else if (!owner.equals(d.owner())) {
        target = owner + d.suffix();
      }
      if (target != null && !target.equals(name) && !taken.contains(target)) {
        taken.add(target);
        renames.put(name, target);
      }
    }
    return renames;
  }

  /** The singular of a plural property ({@code SignInMethods} -> {@code SignInMethod}), else null. */
  private static String singular(String property) {
    List<String> words = new ArrayList<>(Names.words(property));
    String last = words.get(words.size() - 1);
    String one = Names.singular(last);
    if (one.equals(last)) {
      return null;
    }
    words.set(words.size() - 1, one);
    return String.join("", words);
  }
}
