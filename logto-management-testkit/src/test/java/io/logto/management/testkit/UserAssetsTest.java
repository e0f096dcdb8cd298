package io.logto.management.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

final class UserAssetsTest {
  private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D',
      'R'};

  @Test
  void byDefaultTheStatusIsNotConfiguredAndAValidUploadIsRefused() {
    try (LogtoEmulator logto = LogtoEmulator.start()) {
      Http http = new Http(logto);

      JsonNode status = http.get("/user-assets/service-status").body();
      assertThat(status.get("status").asText()).isEqualTo("not_configured");
      assertThat(status.has("allowUploadMimeTypes")).isFalse();
      Http.Answer upload = upload(logto, http, file("file", "avatar.png", "image/png", PNG));
      assertThat(upload.status()).isEqualTo(400);
      assertThat(upload.code()).isEqualTo("storage.not_configured");
      assertThat(logto.userAssets()).isEmpty();
    }
  }

  @Test
  void uploadsAreCheckedAsLogtoChecksThemBeforeTheStorage() {
    try (LogtoEmulator logto = LogtoEmulator.start()) {
      Http http = new Http(logto);

      // no file field: the files guard fails at "file"
      Http.Answer noFile = upload(logto, http, field("file", "not a file") + file("other", "a.png", "image/png", PNG));
      assertThat(noFile.status()).isEqualTo(400);
      assertThat(noFile.code()).isEqualTo("guard.invalid_input");
      assertThat(noFile.body().at("/data/issues/0/path/0").asText()).isEqualTo("file");
      assertThat(noFile.body().get("message").asText()).isEqualTo("The request files is invalid.");
      // not multipart at all
      Http.Answer json = http.post("/user-assets", "{\"file\":\"x\"}");
      assertThat(json.code()).isEqualTo("guard.invalid_input");
      assertThat(json.body().at("/data/issues/0/message").asText()).isEqualTo("Required");
      // a file part without a Content-Type has no MIME type
      Http.Answer untyped = upload(logto, http, file("file", "a.png", null, PNG));
      assertThat(untyped.code()).isEqualTo("guard.invalid_input");
      assertThat(untyped.body().at("/data/issues/0/path").toString()).isEqualTo("[\"file\",0,\"mimetype\"]");
      Http.Answer text = upload(logto, http, file("file", "notes.txt", "text/plain", "hello".getBytes(
          StandardCharsets.UTF_8)));
      assertThat(text.status()).isEqualTo(400);
      assertThat(text.code()).isEqualTo("guard.mime_type_not_allowed");
      byte[] large = new byte[20 * 1024 * 1024 + 1];
      Http.Answer tooLarge = upload(logto, http, file("file", "large.png", "image/png", large));
      assertThat(tooLarge.code()).isEqualTo("guard.file_size_exceeded");
    }
  }

  @Test
  void withStorageAnUploadIsKeptServedAndListed() throws Exception {
    try (LogtoEmulator logto = LogtoEmulator.builder().userAssets(true).start()) {
      Http http = new Http(logto);

      JsonNode status = http.get("/user-assets/service-status").body();
      assertThat(status.get("status").asText()).isEqualTo("ready");
      assertThat(status.get("maxUploadFileSize").asLong()).isEqualTo(20L * 1024 * 1024);
      assertThat(status.get("allowUploadMimeTypes")).extracting(JsonNode::asText)
          .contains("image/png", "image/svg+xml", "application/zip").doesNotContain("text/plain");

      Http.Answer upload = upload(logto, http, file("file", "my avatar.png", "image/png", PNG));
      assertThat(upload.status()).isEqualTo(200);
      String url = upload.body().get("url").asText();
      String clientId = logto.defaultClient().clientId();
      assertThat(url).isEqualTo(logto.baseUrl() + "/user-assets/default/" + clientId + "/my%20avatar.png");

      assertThat(logto.userAssets()).singleElement().satisfies(asset -> {
        assertThat(asset.name()).isEqualTo("my avatar.png");
        assertThat(asset.contentType()).isEqualTo("image/png");
        assertThat(asset.content()).isEqualTo(PNG);
        assertThat(asset.uploadedBy()).isEqualTo(clientId);
        assertThat(asset.url()).isEqualTo(URI.create(url));
        assertThat(asset.toString()).contains("size=" + PNG.length).doesNotContain("PNG");
      });

      HttpResponse<byte[]> served = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
          HttpResponse.BodyHandlers.ofByteArray());
      assertThat(served.statusCode()).isEqualTo(200);
      assertThat(served.headers().firstValue("Content-Type")).contains("image/png");
      assertThat(served.body()).isEqualTo(PNG);
      HttpResponse<byte[]> missing = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
          URI.create(logto.baseUrl() + "/user-assets/default/" + clientId + "/other.png")).build(),
          HttpResponse.BodyHandlers.ofByteArray());
      assertThat(missing.statusCode()).isEqualTo(404);

      // the same name again replaces the object
      byte[] second = Arrays.copyOf(PNG, PNG.length + 1);
      assertThat(upload(logto, http, file("file", "my avatar.png", "image/png", second)).status()).isEqualTo(200);
      assertThat(logto.userAssets()).singleElement().satisfies(asset -> assertThat(asset.size()).isEqualTo(
          second.length));
    }
  }

  private static final String BOUNDARY = "test-boundary-7d1f";

  private static String field(String name, String value) {
    return "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n";
  }

  // ISO-8859-1 keeps each byte as one char, so binary content survives the string
  private static String file(String name, String filename, String contentType, byte[] content) {
    return "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\"" + filename
        + "\"\r\n" + (contentType == null ? "" : "Content-Type: " + contentType + "\r\n") + "\r\n"
        + new String(content, StandardCharsets.ISO_8859_1) + "\r\n";
  }

  private static Http.Answer upload(LogtoEmulator logto, Http http, String parts) {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes((parts + "--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.ISO_8859_1));
    return Http.send(HttpRequest.newBuilder(URI.create(logto.baseUrl() + "/api/user-assets"))
        .header("Authorization", "Bearer " + http.token())
        .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build());
  }
}
