package io.logto.management.codegen.naming;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The one place for exceptions to the naming rules, a properties file with keys:
 *
 * <ul>
 *   <li>{@code noun.<tag>=Words} the noun removed from operationIds of that tag's operations
 *       (default: the tag's words, last one singular);
 *   <li>{@code method.<operationId>=name} a method name;
 *   <li>{@code body.<operationId>=name} the Java name of the argument a method takes its whole body
 *       as (default {@code body}), where the body is no record named for what it holds;
 *   <li>{@code type.<GeneratedName>=Name} a model type name;
 *   <li>{@code rename.<Name>=NewName} a model type's name as the naming rules left it (the entity
 *       and element rules run after the {@code type.} names), renamed last;
 *   <li>{@code service.<tag>=ClassName} a service class name (accessor follows);
 *   <li>{@code same.<Entity>=TypeA, TypeB} shapes that are the entity {@code Entity} as another
 *       operation answers it (a list item with counts, a create answer without them): one record
 *       with the properties of all, those not in every shape optional;
 *   <li>{@code unit.<wireName>=unit} the unit of every number property or parameter of that wire
 *       name, for its Javadoc (each entry names its proof in a comment).
 * </ul>
 */
public final class Overrides {
  /** The overrides shipped with the generator, for Logto's document. */
  public static final String DEFAULT_RESOURCE = "/io/logto/management/codegen/naming-overrides.properties";

  private final Map<String, String> entries;
  /** The keys a generation looked up and found: an entry never found is stale, and fails it. */
  private final java.util.Set<String> used = java.util.concurrent.ConcurrentHashMap.newKeySet();

  private Overrides(Map<String, String> entries) {
    this.entries = entries;
  }

  private Optional<String> lookUp(String key) {
    String value = entries.get(key);
    if (value != null) {
      used.add(key);
    }
    return Optional.ofNullable(value);
  }

  /**
   * The entries no look-up found so far, sorted: after a generation, entries that name nothing in
   * the document (a renamed operation, a type now named by a rule).
   *
   * @return the unused entries' keys
   */
  public java.util.List<String> unused() {
    java.util.List<String> out = new java.util.ArrayList<>();
    for (String key : entries.keySet()) {
      // units are facts for Javadoc, looked up for numbers only: a unit on text is a mistake the
      // Javadoc tests catch, not a stale name
      if (!used.contains(key) && !key.startsWith("same.") && !key.startsWith("unit.")) {
        out.add(key);
      }
    }
    return out;
  }

  /**
   * No overrides.
   *
   * @return the empty overrides
   */
  public static Overrides none() {
    return new Overrides(Map.of());
  }

  /**
   * The overrides shipped as {@link #DEFAULT_RESOURCE}.
   *
   * @return the shipped overrides
   */
  public static Overrides defaults() {
    try (InputStream in = Overrides.class.getResourceAsStream(DEFAULT_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + DEFAULT_RESOURCE);
      }
      return parse(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Reads an overrides file.
   *
   * @param file the overrides file
   * @return its overrides
   */
  public static Overrides load(Path file) {
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return parse(r);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read overrides " + file, e);
    }
  }

  private static Overrides parse(Reader reader) throws IOException {
    Properties p = new Properties();
    p.load(reader);
    Map<String, String> map = new TreeMap<>();
    for (String key : p.stringPropertyNames()) {
      map.put(key, p.getProperty(key).trim());
    }
    return new Overrides(map);
  }

  /**
   * The noun override of a tag.
   *
   * @param tag the document's tag
   * @return the noun, if overridden
   */
  public Optional<String> noun(String tag) {
    return lookUp("noun." + tag);
  }

  /**
   * The method name override of an operation.
   *
   * @param operationId the operationId
   * @return the method name, if overridden
   */
  public Optional<String> method(String operationId) {
    return lookUp("method." + operationId);
  }

  /**
   * The name of the argument an operation's method takes its whole body as.
   *
   * @param operationId the operationId
   * @return the argument name, if overridden
   */
  public Optional<String> body(String operationId) {
    return lookUp("body." + operationId);
  }

  /**
   * The name override of a model type.
   *
   * @param generatedName the name the rules give
   * @return the overriding name, else {@code generatedName}
   */
  public String type(String generatedName) {
    return lookUp("type." + generatedName).orElse(generatedName);
  }

  /**
   * The last rename of a model type, after every naming rule.
   *
   * @param ruleName the name the naming rules leave
   * @return the new name, if overridden
   */
  public Optional<String> rename(String ruleName) {
    return lookUp("rename." + ruleName);
  }

  /**
   * Entity name to the other shapes folded into it, from the {@code same.} keys.
   *
   * @return entity name to the shapes folded into it
   */
  public Map<String, java.util.List<String>> sameAs() {
    Map<String, java.util.List<String>> out = new TreeMap<>();
    entries.forEach((k, v) -> {
      if (k.startsWith("same.")) {
        java.util.List<String> shapes = new java.util.ArrayList<>();
        for (String s : v.split(",")) {
          if (!s.isBlank()) {
            shapes.add(s.strip());
          }
        }
        out.put(k.substring("same.".length()), shapes);
      }
    });
    return out;
  }

  /**
   * The unit of number properties and parameters with this wire name, e.g. {@code seconds}.
   *
   * @param wireName the property's or parameter's wire name
   * @return the unit, if the overrides name one
   */
  public Optional<String> unit(String wireName) {
    return lookUp("unit." + wireName);
  }

  /**
   * The class name override of a tag's service.
   *
   * @param tag the document's tag
   * @return the class name, if overridden
   */
  public Optional<String> service(String tag) {
    return lookUp("service." + tag);
  }
}
