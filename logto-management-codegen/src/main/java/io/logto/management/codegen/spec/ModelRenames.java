package io.logto.management.codegen.spec;

import io.logto.management.codegen.model.ApiModel;
import io.logto.management.codegen.model.BodyDef;
import io.logto.management.codegen.model.FieldDef;
import io.logto.management.codegen.model.GenerationException;
import io.logto.management.codegen.model.OperationDef;
import io.logto.management.codegen.model.ParamDef;
import io.logto.management.codegen.model.ResponseDef;
import io.logto.management.codegen.model.ServiceDef;
import io.logto.management.codegen.model.TypeDef;
import io.logto.management.codegen.model.TypeRef;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The pipeline step that applies a name decision to the read model: renames types and every
 * reference to them (fields, parameters, bodies, answers, oneOf variants and parents).
 */
final class ModelRenames {
  private ModelRenames() {}

  /**
   * Renames types and every reference to them; two records renamed onto one name become one record
   * with the properties of both, a property only one has optional, and a property one types as text
   * and the other as an open enum the enum (it keeps any text it does not know, so nothing the text
   * carried is lost: a created SSO connector's stored {@code providerName} beside the read one's enum).
   */
  static ApiModel apply(
      List<ServiceDef> services, Collection<TypeDef> defs, Map<String, String> renames) {
    if (renames.isEmpty()) {
      return new ApiModel(services, new ArrayList<>(defs));
    }
    java.util.Set<String> enums = new java.util.HashSet<>();
    for (TypeDef t : defs) {
      if (t instanceof TypeDef.EnumDef) {
        enums.add(renames.getOrDefault(t.name(), t.name()));
      }
    }
    Map<String, TypeDef> renamed = new TreeMap<>();
    for (TypeDef t : defs) {
      TypeDef r = renameDef(t, renames);
      TypeDef existing = renamed.get(r.name());
      renamed.put(r.name(), existing == null ? r : union(existing, r, enums));
    }
    List<ServiceDef> out = new ArrayList<>();
    for (ServiceDef s : services) {
      List<OperationDef> ops = new ArrayList<>();
      for (OperationDef op : s.operations()) {
        ops.add(
            new OperationDef(
                op.operationId(),
                op.methodName(),
                op.httpMethod(),
                op.path(),
                op.summary(),
                renameParams(op.pathParams(), renames),
                renameParams(op.queryParams(), renames),
                op.paramsType(),
                op.body() == null
                    ? null
                    : new BodyDef(
                        op.body().kind(),
                        op.body().type() == null ? null : rename(op.body().type(), renames),
                        op.body().required(),
                        op.body().parts(),
                        op.body().wrapper(),
                        op.body().argName()),
                op.response().type() == null
                    ? op.response()
                    : new ResponseDef(
                        op.response().kind(),
                        rename(op.response().type(), renames),
                        op.response().mediaType()),
                op.paginated()));
      }
      out.add(new ServiceDef(s.tag(), s.className(), s.accessor(), ops));
    }
    return new ApiModel(out, new ArrayList<>(renamed.values()));
  }

  private static TypeDef union(TypeDef a, TypeDef b, java.util.Set<String> enums) {
    if (!(a instanceof TypeDef.RecordDef ra) || !(b instanceof TypeDef.RecordDef rb)) {
      throw new GenerationException("cannot merge " + a.origin() + " and " + b.origin() + " into " + a.name() + ": only records merge");
    }
    Map<String, FieldDef> fa = new LinkedHashMap<>();
    ra.fields().forEach(f -> fa.put(f.jsonName(), f));
    Map<String, FieldDef> fb = new LinkedHashMap<>();
    rb.fields().forEach(f -> fb.put(f.jsonName(), f));
    List<FieldDef> fields = new ArrayList<>();
    Map<String, FieldDef> all = new LinkedHashMap<>(fa);
    fb.forEach(all::putIfAbsent);
    for (FieldDef f : all.values()) {
      FieldDef x = fa.get(f.jsonName());
      FieldDef y = fb.get(f.jsonName());
      TypeRef type = f.type();
      if (x != null && y != null && !x.type().equals(y.type())) {
        type = textAndEnum(x.type(), y.type(), enums);
      }
      if (type == null) {
        throw new GenerationException(
            "cannot merge " + ra.origin() + " and " + rb.origin() + " into " + a.name() + ": property '"
                + f.jsonName() + "' is " + x.type() + " in one and " + y.type() + " in the other");
      }
      boolean required = x != null && y != null && x.required() && y.required();
      boolean nullable = (x != null && x.nullable()) || (y != null && y.nullable());
      FieldDef facts = x != null && type.equals(x.type()) ? x : y != null ? y : f;
      fields.add(new FieldDef(f.jsonName(), f.javaName(), type, required, nullable, facts.facts(), facts.constant()));
    }
    List<String> oneOfs = new ArrayList<>(ra.implementsOneOf());
    oneOfs.addAll(rb.implementsOneOf());
    return new TypeDef.RecordDef(ra.name(), ra.origin(), fields, ra.request() || rb.request(), oneOfs);
  }

  /** The open enum of two property types when one is text and the other that enum, else null. */
  private static TypeRef textAndEnum(TypeRef x, TypeRef y, java.util.Set<String> enums) {
    if (x == TypeRef.Scalar.STRING && y instanceof TypeRef.Named n && enums.contains(n.name())) {
      return y;
    }
    if (y == TypeRef.Scalar.STRING && x instanceof TypeRef.Named n && enums.contains(n.name())) {
      return x;
    }
    return null;
  }

  private static List<ParamDef> renameParams(List<ParamDef> params, Map<String, String> renames) {
    List<ParamDef> out = new ArrayList<>();
    for (ParamDef p : params) {
      out.add(
          new ParamDef(
              p.name(), p.javaName(), rename(p.type(), renames), p.required(), p.explodedObject(), p.facts()));
    }
    return out;
  }

  private static TypeDef renameDef(TypeDef t, Map<String, String> renames) {
    String name = renames.getOrDefault(t.name(), t.name());
    if (t instanceof TypeDef.RecordDef r) {
      List<FieldDef> fields = new ArrayList<>();
      for (FieldDef f : r.fields()) {
        fields.add(
            new FieldDef(
                f.jsonName(),
                f.javaName(),
                rename(f.type(), renames),
                f.required(),
                f.nullable(),
                f.facts(),
                f.constant()));
      }
      List<String> parent = new ArrayList<>();
      r.implementsOneOf().forEach(i -> parent.add(renames.getOrDefault(i, i)));
      return new TypeDef.RecordDef(name, r.origin(), fields, r.request(), parent);
    }
    if (t instanceof TypeDef.EnumDef e) {
      return new TypeDef.EnumDef(name, e.origin(), e.values());
    }
    TypeDef.OneOfDef o = (TypeDef.OneOfDef) t;
    List<TypeDef.Variant> variants = new ArrayList<>();
    for (TypeDef.Variant v : o.variants()) {
      variants.add(
          new TypeDef.Variant(renames.getOrDefault(v.type(), v.type()), v.required(), v.constants()));
    }
    return new TypeDef.OneOfDef(name, o.origin(), variants);
  }

  private static TypeRef rename(TypeRef ref, Map<String, String> renames) {
    if (ref instanceof TypeRef.Named n) {
      return new TypeRef.Named(renames.getOrDefault(n.name(), n.name()));
    }
    if (ref instanceof TypeRef.ListOf l) {
      return new TypeRef.ListOf(rename(l.element(), renames));
    }
    if (ref instanceof TypeRef.MapOf m) {
      return new TypeRef.MapOf(rename(m.value(), renames));
    }
    return ref;
  }
}
