package io.logto.management.testkit.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.nio.charset.StandardCharsets;

/**
 * Audit logs: {@code ListLogs} (always paginated, newest first, filtered by {@code userId},
 * {@code applicationId} and {@code logKey}) and {@code GetLog}; and the entries the emulator writes for
 * what it emulates besides webhook deliveries: {@code ExchangeTokenBy.ClientCredentials} for every
 * token it issues.
 */
final class LogRoutes {
  private final Store store;

  LogRoutes(Store store) {
    this.store = store;
  }

  void register(Declarations handlers) {
    handlers.declare("ListLogs", call -> {
      String userId = call.query("userId");
      String applicationId = call.query("applicationId");
      String logKey = call.query("logKey");
      List<ObjectNode> logs = store.auditLog.newestFirst(entry ->
          (userId == null || userId.equals(entry.at("/payload/userId").asText(null)))
          && (applicationId == null || applicationId.equals(entry.at("/payload/applicationId").asText(null)))
          && (logKey == null || logKey.equals(entry.get("key").asText())));
      return Pager.paged(call, logs);
    });
    handlers.declare("GetLog", call -> Reply.ok(store.auditLog.get(call.param("id"))));
  }

  /**
   * Logs a client-credentials token the token endpoint issued, as Logto does: the request's parameters
   * (the secret masked), the scope granted, the application and the name of the secret it used.
   */
  static void tokenIssued(Store store, byte[] form, String authorization, Reply reply, String userAgent, String ip) {
    if (reply.status() != 200) {
      return;
    }
    ObjectNode payload = AuditLog.payload("ExchangeTokenBy.ClientCredentials");
    payload.put("ip", ip);
    if (userAgent != null) {
      payload.put("userAgent", userAgent);
      ObjectNode parsed = payload.putObject("userAgentParsed");
      parsed.put("ua", userAgent);
      for (String part : List.of("browser", "device", "engine", "os", "cpu")) {
        parsed.putObject(part);
      }
    }
    Map<String, String> params = TokenEndpoint.parseForm(new String(form, StandardCharsets.UTF_8));
    String clientId = params.get("client_id");
    String secret = params.get("client_secret");
    if (authorization != null && authorization.startsWith("Basic ")) {
      String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
      int colon = decoded.indexOf(':');
      clientId = TokenEndpoint.formDecode(decoded.substring(0, colon));
      secret = TokenEndpoint.formDecode(decoded.substring(colon + 1));
    }
    payload.put("applicationId", clientId);
    ObjectNode logged = payload.putObject("params");
    params.forEach((name, value) -> logged.put(name, name.equals("client_secret") ? "******" : value));
    if (reply.body() != null && reply.body().has("scope")) {
      payload.put("scope", reply.body().get("scope").asText());
    }
    payload.set("tokenTypes", Json.array().add("AccessToken"));
    for (ObjectNode candidate : store.secrets.getOrDefault(clientId, List.of())) {
      if (candidate.get("value").asText().equals(secret)) {
        payload.putObject("applicationSecret").put("name", candidate.get("name").asText());
      }
    }
    store.auditLog.add(payload);
  }
}
