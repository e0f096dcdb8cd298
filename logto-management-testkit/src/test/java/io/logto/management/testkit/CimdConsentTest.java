package io.logto.management.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

final class CimdConsentTest {
  @AutoClose
  private final LogtoEmulator logto = LogtoEmulator.start();
  private final Http http = new Http(logto);

  @Test
  void theTenantWideCeilingIsAssignedListedAndDeletedApartFromApplications() {
    String resource = http.post("/resources", "{\"name\":\"api\",\"indicator\":\"https://api.example\"}").body()
        .get("id").asText();
    String scope = http.post("/resources/" + resource + "/scopes", "{\"name\":\"read\"}").body().get("id").asText();
    assertThat(http.get("/cimd/user-consent-scopes").body().toString())
        .isEqualTo("{\"organizationScopes\":[],\"resourceScopes\":[],\"organizationResourceScopes\":[],\"userScopes\":[]}");

    Http.Answer assigned = http.post("/cimd/user-consent-scopes",
        "{\"resourceScopes\":[\"" + scope + "\"],\"userScopes\":[\"email\"]}");
    assertThat(assigned.status()).isEqualTo(201);
    assertThat(assigned.body().asText()).isEqualTo("Created");

    JsonNode listed = http.get("/cimd/user-consent-scopes").body();
    assertThat(listed.at("/resourceScopes/0/resource/id").asText()).isEqualTo(resource);
    assertThat(listed.at("/resourceScopes/0/scopes/0/name").asText()).isEqualTo("read");
    assertThat(listed.get("userScopes").toString()).isEqualTo("[\"email\"]");

    assertThat(http.post("/cimd/user-consent-scopes", "{\"resourceScopes\":[\"missing\"]}").code())
        .isEqualTo("application.user_consent_scopes_not_found");
    assertThat(http.delete("/cimd/user-consent-scopes/user-scopes/email").status()).isEqualTo(204);
    assertThat(http.delete("/cimd/user-consent-scopes/user-scopes/email").status()).isEqualTo(404);
    assertThat(http.delete("/cimd/user-consent-scopes/unknown-scopes/x").code()).isEqualTo("guard.invalid_input");
    assertThat(http.get("/cimd/user-consent-scopes").body().get("userScopes")).isEmpty();
  }
}
