package io.logto.management.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Custom phrases: per language tag, a translation tree whose leaves are strings. Logto also checks
 * that every key exists in its built-in English phrases; the emulator does not bundle those (they are
 * Logto's text), so it accepts any key.
 */
final class CustomPhraseRoutes {
  private final Store store;
  private final Map<String, ObjectNode> phrases;

  CustomPhraseRoutes(Store store) {
    this.store = store;
    this.phrases = store.experience.customPhrases;
  }

  void register(Declarations handlers) {
    handlers.declare("ListCustomPhrases", call -> {
      List<String> tags = new ArrayList<>(phrases.keySet());
      tags.sort(null);
      return Reply.ok(Json.arrayOf(tags.stream().map(phrases::get).toList()));
    });
    handlers.declare("GetCustomPhrase", call -> Reply.ok(existing(languageTag(call))));
    handlers.declare("ReplaceCustomPhrase", call -> {
      String languageTag = languageTag(call);
      JsonNode body = call.json();
      Guard guard = Guard.body(body);
      checkTranslation(guard, (ObjectNode) body);
      guard.check();
      ObjectNode existing = phrases.get(languageTag);
      ObjectNode phrase = Json.object().put("tenantId", Store.TENANT)
          .put("id", existing == null ? store.id(21) : existing.get("id").asText()).put("languageTag", languageTag);
      // Logto runs clean-deep over the translation too: empty strings and the objects they leave empty go
      phrase.set("translation", ConnectorState.cleanDeep(body));
      phrases.put(languageTag, phrase);
      return Reply.created(phrase);
    });
    handlers.declare("DeleteCustomPhrase", call -> {
      String languageTag = languageTag(call);
      if (languageTag.equals(store.experience.signInExperience.at("/languageInfo/fallbackLanguage").asText())) {
        throw ApiError.of(409, "localization.cannot_delete_default_language",
            languageTag + " is set as your default language and can\u2019t be deleted.");
      }
      existing(languageTag);
      phrases.remove(languageTag);
      return Reply.empty(204);
    });
  }

  private ObjectNode existing(String languageTag) {
    ObjectNode phrase = phrases.get(languageTag);
    if (phrase == null) {
      throw ApiError.notFound();
    }
    return phrase;
  }

  private static String languageTag(Call call) {
    Guard guard = Guard.params(Json.object().put("languageTag", call.param("languageTag")));
    String tag = guard.oneOf("languageTag", LanguageTags.ALL, true);
    guard.check();
    return tag;
  }

  // every value is a string or a nested translation object
  private static void checkTranslation(Guard guard, ObjectNode node) {
    for (Map.Entry<String, JsonNode> entry : node.properties()) {
      if (entry.getValue().isObject()) {
        checkTranslation(guard.within(entry.getKey(), (ObjectNode) entry.getValue()), (ObjectNode) entry.getValue());
      } else {
        guard.string(entry.getKey(), true);
      }
    }
  }
}
