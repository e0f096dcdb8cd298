package io.logto.management.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The general rules of Logto 1.42's data-hook payloads; an operation whose payloads differ declares
 * its own {@link Rule} beside its handler ({@link Declarations.Declaration#payloads}).
 *
 * <p>Every payload starts {@code event, createdAt, userAgent (when sent), ip}. A registered route adds the
 * call ({@code path} without {@code /api}, {@code method}, {@code status}, {@code params}, {@code matchedRoute})
 * and its answer as {@code data} when it has a JSON body ({@link #REGISTERED}, the rule of an operation that
 * declares none). Routes behind the roles router's {@code /roles(/.*)?} middleware get Koa's unnamed
 * capture as param {@code "0"}. The membership routes of users and applications append
 * {@code Organization.Membership.Updated} with the call, {@code organizationId} and the non-empty lists
 * among {@code addedUserIds}, {@code removedUserIds}, {@code addedApplicationIds},
 * {@code removedApplicationIds}, each at most 5000 ids ({@link #membership}).
 */
final class DataHookPayloads {
  /** Logto's cap on each membership delta list ({@code MEMBERSHIP_DELTA_CAP}). */
  static final int MEMBERSHIP_DELTA_CAP = 5000;

  /** The payload of the event the operation declares, if any: the call and its JSON answer as {@code data}. */
  static final Rule REGISTERED = call -> (succeeded, payloads) -> {
    if (succeeded.event() != null) {
      payloads.add(succeeded.registered());
    }
  };

  private DataHookPayloads() {}

  /** How an operation's payloads are built, in the order Logto queues them. */
  @FunctionalInterface
  interface Rule {
    /**
     * Reads, under the lock and before the handler runs, what the payloads need from the store as it is
     * then (the deleted user, an organization's members), and returns what builds them if the call succeeds.
     */
    Pending before(Call call);
  }

  /** The payloads of a call that succeeded. */
  @FunctionalInterface
  interface Pending {
    void build(Succeeded succeeded, List<ObjectNode> payloads);
  }

  /**
   * A call that succeeded, as its payloads see it.
   *
   * @param event the event the operation declares (its route registration's), or null
   * @param createdAt when the call answered, as Logto writes it
   */
  record Succeeded(Operation operation, String event, Call call, Reply reply, String createdAt, String userAgent,
      String ip) {
    /** A payload of {@code event} with what every payload starts with. */
    ObjectNode start(String payloadEvent) {
      ObjectNode payload = Json.object();
      payload.put("event", payloadEvent).put("createdAt", createdAt);
      if (userAgent != null) {
        payload.put("userAgent", userAgent);
      }
      return payload.put("ip", ip);
    }

    /** Logto's {@code buildManagementApiContext}: adds the call as the management API router sees it. */
    ObjectNode withCall(ObjectNode payload) {
      String route = operation.pathTemplate().replaceFirst("^/api(?=/)", "").replaceAll("\\{([^}]+)}", ":$1");
      String path = call.rawPath().replaceFirst("^/api(?=/)", "");
      payload.put("path", path).put("method", operation.method()).put("status", reply.status());
      ObjectNode params = payload.putObject("params");
      if (path.startsWith("/roles/")) {
        // the roles router's `/roles(/.*)?` middleware leaves its unnamed capture in the params
        params.put("0", path.substring("/roles".length()));
      }
      call.pathParams().forEach(params::put);
      return payload.put("matchedRoute", route);
    }

    /** The payload of the declared event: the call, then its JSON answer as {@code data}. */
    ObjectNode registered() {
      ObjectNode payload = withCall(start(event));
      JsonNode data = reply.body();
      if (data != null) {
        payload.set("data", data);
      }
      return payload;
    }
  }

  /** The members whose changes {@code Organization.Membership.Updated} reports. */
  enum Members {
    USERS("userId", "UserIds"),
    APPLICATIONS("applicationId", "ApplicationIds");

    private final String pathParam;
    private final String listSuffix;

    Members(String pathParam, String listSuffix) {
      this.pathParam = pathParam;
      this.listSuffix = listSuffix;
    }

    private Set<String> of(Store store, String organizationId) {
      Map<String, Set<String>> relation = this == USERS ? store.orgUsers : store.orgApps;
      return new LinkedHashSet<>(relation.getOrDefault(organizationId, Set.of()));
    }
  }

  /** The membership rule of a route whose path {@code id} is the organization. */
  static Rule membership(Store store, Members kind) {
    return call -> membership(store, kind, call.pathParams().get("id"));
  }

  /**
   * {@code Organization.Membership.Updated} for the members of {@code organizationId} (nothing when null):
   * the members a call added and removed, as the membership before and after it differ, except that a
   * DELETE names the member of its path whatever the table held.
   */
  static Pending membership(Store store, Members kind, String organizationId) {
    if (organizationId == null) {
      return (succeeded, payloads) -> { };
    }
    Set<String> before = kind.of(store, organizationId);
    return (succeeded, payloads) -> {
      Set<String> after = kind.of(store, organizationId);
      List<String> added = new ArrayList<>(after);
      added.removeAll(before);
      List<String> removed = new ArrayList<>(before);
      removed.removeAll(after);
      if (succeeded.operation().method().equals("DELETE")) {
        removed = List.of(succeeded.call().param(kind.pathParam));
      }
      ObjectNode payload = succeeded.withCall(succeeded.start("Organization.Membership.Updated"));
      payload.put("organizationId", organizationId);
      delta(payload, "added" + kind.listSuffix, added);
      delta(payload, "removed" + kind.listSuffix, removed);
      payloads.add(payload);
    };
  }

  private static void delta(ObjectNode payload, String name, List<String> ids) {
    if (!ids.isEmpty()) {
      payload.set(name, Json.strings(ids.size() > MEMBERSHIP_DELTA_CAP ? ids.subList(0, MEMBERSHIP_DELTA_CAP) : ids));
    }
  }
}
