package io.logto.management.testkit.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.logto.management.LogtoManagement;
import io.logto.management.core.LogtoApiException;
import io.logto.management.model.UserAssetServiceStatus;
import io.logto.management.testkit.LogtoEmulator;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

final class UserAssetsExtensionTest {
  @RegisterExtension
  static final LogtoEmulatorExtension LOGTO = LogtoEmulatorExtension.builder()
      .emulator(emulator -> emulator.userAssets(true))
      .build();

  @Test
  void uploadsThroughTheTypedApiLandInTheEmulatorsStorage(LogtoManagement logto, LogtoEmulator emulator) {
    byte[] svg = "<svg xmlns=\"http://www.w3.org/2000/svg\"/>".getBytes(StandardCharsets.UTF_8);

    UserAssetServiceStatus status = logto.userAssets().getServiceStatus();
    String url = logto.userAssets().create("logo.svg", "image/svg+xml", svg).url();

    assertThat(status.status()).isEqualTo("ready");
    assertThat(status.maxUploadFileSize()).isEqualTo(20L * 1024 * 1024);
    assertThat(url).startsWith(emulator.baseUrl() + "/user-assets/").endsWith("/logo.svg");
    assertThat(LOGTO.userAssets()).isEqualTo(emulator.userAssets()).singleElement().satisfies(asset -> {
      assertThat(asset.contentType()).isEqualTo("image/svg+xml");
      assertThat(asset.content()).isEqualTo(svg);
    });
    assertThatThrownBy(() -> logto.userAssets().create("notes.txt", "text/plain", svg))
        .isInstanceOf(LogtoApiException.class)
        .satisfies(e -> assertThat(((LogtoApiException) e).code()).contains("guard.mime_type_not_allowed"));
  }
}
