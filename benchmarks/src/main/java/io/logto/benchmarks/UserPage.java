package io.logto.benchmarks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Builds a realistic page of users in the shape Logto answers {@code GET /api/users} with: a mix of
 * sparse users (only a username) and full ones (e-mail, phone, custom data, social identities,
 * profile), generated from a fixed seed so every run serves the same bytes.
 */
final class UserPage {
  /** The total the server reports in {@code Total-Number}: ten full pages. */
  static final int TOTAL_USERS = 1_000;

  private static final long BASE_TIME = 1_795_000_000_000L;
  private static final String[] GIVEN = {"Ada", "Grace", "Linus", "Margaret", "Ken", "Barbara", "Alan"};
  private static final String[] FAMILY = {"Lovelace", "Hopper", "Torvalds", "Hamilton", "Thompson"};
  private static final String[] PLANS = {"free", "pro", "team", "enterprise"};

  private UserPage() {}

  /**
   * Generates users; the same count always gives the same users.
   *
   * @param count how many users, 0 to 100
   * @return the users
   */
  static List<BenchUser> users(int count) {
    if (count < 0 || count > 100) {
      throw new IllegalArgumentException("count outside 0..100: " + count);
    }
    SplittableRandom random = new SplittableRandom(20_261_124L);
    List<BenchUser> users = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      users.add(user(i, random));
    }
    return users;
  }

  /**
   * Serialises the first {@code count} users as the JSON array the server answers with.
   *
   * @param mapper the mapper to write with
   * @param count how many users, 0 to 100
   * @return UTF-8 JSON
   */
  static byte[] json(ObjectMapper mapper, int count) {
    try {
      return mapper.writeValueAsBytes(users(count));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise the user page", e);
    }
  }

  private static BenchUser user(int index, SplittableRandom random) {
    String given = GIVEN[random.nextInt(GIVEN.length)];
    String family = FAMILY[random.nextInt(FAMILY.length)];
    boolean full = random.nextInt(10) < 6;
    long created = BASE_TIME + random.nextLong(50_000_000_000L);
    long updated = created + random.nextLong(1_000_000_000L);
    String id = Long.toString(random.nextLong(Long.MAX_VALUE), 36);
    id = id.substring(0, Math.min(12, id.length()));
    String email = full || random.nextBoolean()
        ? given.toLowerCase() + "." + family.toLowerCase() + index + "@example.com"
        : null;
    String phone = random.nextInt(10) < 3 ? "1555" + (1_000_000 + random.nextInt(8_999_999)) : null;
    return new BenchUser(
        id,
        "user_" + given.toLowerCase() + "_" + index,
        email,
        phone,
        full ? given + " " + family : null,
        random.nextInt(5) == 0 ? "https://avatars.example.com/u/" + index + ".png" : null,
        full ? customData(random) : Map.of(),
        random.nextInt(4) == 0 ? identities(index, given, email) : Map.of(),
        random.nextInt(10) < 6 ? updated + random.nextLong(100_000_000L) : null,
        created,
        updated,
        full ? profile(given, family) : Map.of(),
        null,
        null,
        random.nextInt(20) == 0,
        random.nextInt(5) != 0);
  }

  private static Map<String, Object> customData(SplittableRandom random) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("plan", PLANS[random.nextInt(PLANS.length)]);
    data.put("tags", List.of("beta", "newsletter", "region-" + random.nextInt(9)));
    data.put("seats", random.nextInt(1, 250));
    data.put("onboarded", random.nextBoolean());
    return data;
  }

  private static Map<String, Object> identities(int index, String given, String email) {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("id", String.valueOf(9_000_000 + index));
    details.put("name", given);
    details.put("email", email);
    details.put("avatar", "https://avatars.githubusercontent.example/u/" + (9_000_000 + index));
    details.put("rawData", Map.of("login", given.toLowerCase() + index, "public_repos", index % 40));
    Map<String, Object> github = new LinkedHashMap<>();
    github.put("userId", String.valueOf(9_000_000 + index));
    github.put("details", details);
    return Map.of("github", github);
  }

  private static Map<String, Object> profile(String given, String family) {
    Map<String, Object> profile = new LinkedHashMap<>();
    profile.put("givenName", given);
    profile.put("familyName", family);
    profile.put("locale", "en-US");
    profile.put("zoneinfo", "Europe/Paris");
    return profile;
  }
}
