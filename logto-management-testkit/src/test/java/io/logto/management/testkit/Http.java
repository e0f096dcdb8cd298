package io.logto.management.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** A small loopback client for the tests: plain java.net.http, JSON bodies, a cached bearer token. */
final class Http {
  static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  /** A response: status, headers and the body parsed as JSON (text as a JSON string; null when empty). */
  record Answer(int status, java.net.http.HttpHeaders headers, JsonNode body) {
    String code() {
      return body == null ? null : body.path("code").asText(null);
    }

    List<String> all(String header) {
      return headers.allValues(header);
    }

    String header(String header) {
      return headers.firstValue(header).orElse(null);
    }
  }

  private final LogtoEmulator logto;
  private String token;

  Http(LogtoEmulator logto) {
    this.logto = logto;
  }

  /** A fresh token for the default client with scope {@code all}. */
  String token() {
    if (token == null) {
      token = token(logto.defaultClient()).body().get("access_token").asText();
    }
    return token;
  }

  Answer token(ClientCredentials client) {
    return tokenForm("grant_type=client_credentials&client_id=" + enc(client.clientId()) + "&client_secret="
        + enc(client.clientSecret()) + "&resource=" + enc(logto.apiIndicator()) + "&scope=all", null);
  }

  Answer tokenForm(String form, String authorization) {
    HttpRequest.Builder request = HttpRequest.newBuilder(logto.tokenEndpoint())
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return send(request.build());
  }

  Answer get(String pathAndQuery) {
    return call("GET", pathAndQuery, null);
  }

  Answer delete(String path) {
    return call("DELETE", path, null);
  }

  Answer post(String path, String json) {
    return call("POST", path, json);
  }

  Answer patch(String path, String json) {
    return call("PATCH", path, json);
  }

  Answer put(String path, String json) {
    return call("PUT", path, json);
  }

  /** A call to {@code /api<path>} with the default client's token. */
  Answer call(String method, String pathAndQuery, String json) {
    return callWith("Bearer " + token(), method, pathAndQuery, json);
  }

  Answer callWith(String authorization, String method, String pathAndQuery, String json) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(logto.baseUrl() + "/api" + pathAndQuery))
        .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
    if (json != null) {
      request.header("Content-Type", "application/json");
    }
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return send(request.build());
  }

  static Answer send(HttpRequest request) {
    try {
      HttpResponse<byte[]> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofByteArray());
      boolean json = response.headers().firstValue("Content-Type").orElse("").contains("json");
      JsonNode body = response.body().length == 0 ? null
          : json ? JSON.readTree(response.body())
          : JSON.getNodeFactory().textNode(new String(response.body(), StandardCharsets.UTF_8));
      return new Answer(response.statusCode(), response.headers(), body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static String enc(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
