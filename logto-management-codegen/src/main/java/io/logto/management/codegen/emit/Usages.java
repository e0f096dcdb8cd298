package io.logto.management.codegen.emit;

import io.logto.management.codegen.model.ApiModel;
import io.logto.management.codegen.model.BodyDef;
import io.logto.management.codegen.model.FieldDef;
import io.logto.management.codegen.model.OperationDef;
import io.logto.management.codegen.model.ParamDef;
import io.logto.management.codegen.model.ResponseDef;
import io.logto.management.codegen.model.ServiceDef;
import io.logto.management.codegen.model.TypeDef;
import io.logto.management.codegen.model.TypeRef;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Where each model type is used, so that the first sentence of its Javadoc says what it is for:
 * the answer or request body of an operation, a parameter, a property of another type, or a shape
 * of a oneOf. The sentence names an operation that answers or takes the type whole if there is one,
 * else its first use in the model's order (operations before properties).
 */
final class Usages {
  private final Map<String, Set<String>> uses = new HashMap<>();

  private Usages() {}

  /** The uses of every type of {@code model}. */
  static Usages of(ApiModel model) {
    Usages usages = new Usages();
    for (ServiceDef s : model.services()) {
      for (OperationDef op : s.operations()) {
        usages.operation(op);
      }
    }
    for (TypeDef t : model.types()) {
      if (t instanceof TypeDef.RecordDef r) {
        for (FieldDef f : r.fields()) {
          usages.add(f.type(), "the <code>" + Docs.escape(f.jsonName()) + "</code> property of {@link " + r.name() + "}");
        }
      } else if (t instanceof TypeDef.OneOfDef o) {
        for (TypeDef.Variant v : o.variants()) {
          usages.add(new TypeRef.Named(v.type()), "a shape of {@link " + o.name() + "}");
        }
      }
    }
    return usages;
  }

  private void operation(OperationDef op) {
    String call = "<code>" + op.httpMethod() + " " + Docs.escape(op.path()) + "</code>";
    for (ParamDef p : op.pathParams()) {
      add(p.type(), "the <code>" + Docs.escape(p.name()) + "</code> path parameter of " + call);
    }
    for (ParamDef p : op.queryParams()) {
      add(p.type(), "the <code>" + Docs.escape(p.name()) + "</code> parameter of " + call);
    }
    BodyDef body = op.body();
    if (body != null && body.type() != null) {
      add(body.type(), body.wrapper() == null
          ? "the request body of " + call
          : "the <code>" + Docs.escape(body.wrapper()) + "</code> of the request body of " + call);
    }
    if (op.response().kind() == ResponseDef.Kind.JSON) {
      add(op.response().type(), "the answer of " + call);
    }
  }

  /** Records that {@code ref}, or the type it holds, is used as {@code role}. */
  private void add(TypeRef ref, String role) {
    if (ref instanceof TypeRef.Named n) {
      uses.computeIfAbsent(n.name(), k -> new LinkedHashSet<>()).add(role);
    } else if (ref instanceof TypeRef.ListOf l) {
      add(l.element(), "an item of " + role);
    } else if (ref instanceof TypeRef.MapOf m) {
      add(m.value(), "a value of " + role);
    }
  }

  /**
   * The first sentence of the Javadoc of type {@code name}: its first use and how many more there
   * are, e.g. {@code Used as the answer of <code>GET /api/users/{userId}</code>, and in 3 other places.}
   */
  String sentence(String name) {
    Set<String> roles = uses.get(name);
    if (roles == null) {
      return "A type of the Logto Management API that no operation uses directly.";
    }
    // a type an operation answers or takes whole is best told by that operation, wherever it is listed
    String first = roles.stream().filter(r -> r.startsWith("the answer of ")).findFirst()
        .or(() -> roles.stream().filter(r -> r.startsWith("the request body of ")).findFirst())
        .orElse(roles.iterator().next());
    int others = roles.size() - 1;
    return "Used as " + first + switch (others) {
      case 0 -> ".";
      case 1 -> ", and in 1 other place.";
      default -> ", and in " + others + " other places.";
    };
  }
}
