package io.logto.management.codegen.spec;

import io.logto.management.codegen.model.GenerationException;
import io.swagger.v3.oas.models.OpenAPI;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Where the real server differs from its OpenAPI document: a reviewed table of typed corrections,
 * each naming the recorded exchange that proves it, applied to the parsed document before it is
 * read. One entry a line, whitespace-separated:
 *
 * <pre>
 * # operationId  target                 fix             proof
 * CreateRoleUser response               void            recordings-sweep/0081-CreateRoleUser.json
 * GetLog         response:payload.scope add:string      recordings-sweep/0317-GetLog.json
 * *              query:includeScopes    boolean         recordings-sweep/0065-ListResources.json
 * </pre>
 *
 * <p>{@code operationId} {@code *} applies the entry to every operation that has the target. Targets:
 * {@code response} (the 2xx answer), {@code request} (the JSON body), {@code response:<path>} and {@code request:<path>} (a property
 * inside the body: dotted names, {@code []} for array items), {@code query:<name>} and {@code
 * path:<name>} (a parameter), {@code schema:<name>} (a named component, wherever it is used; with
 * operationId {@code *}). Fixes: {@link Fix}.
 */
public final class Corrections {
  /** The corrections shipped with the generator, for Logto's document. */
  public static final String DEFAULT_RESOURCE = "/io/logto/management/codegen/corrections.txt";

  /** The schemas {@code shape:<name>} corrections name, as one JSON object keyed by name. */
  public static final String SHAPES_RESOURCE = "/io/logto/management/codegen/correction-shapes.json";

  /** What a correction does to its target. */
  public enum Fix {
    /** The success carries no meaningful body (Logto answers text such as {@code Created}). */
    VOID("void"),
    /** A number of epoch milliseconds: {@code Instant}. */
    EPOCH_MILLIS("epoch-millis"),
    /** A number of epoch seconds: {@code Instant}. */
    EPOCH_SECONDS("epoch-seconds"),
    /** ISO-8601 text of an instant: {@code Instant}. */
    ISO_INSTANT("iso-instant"),
    /** A text the document types otherwise (a refined string its generator wrote as an object). */
    STRING("string"),
    /** An object of text values by name the document types otherwise (or leaves untyped). */
    STRING_MAP("string-map"),
    /**
     * The JSON request body is what the operation answers (target {@code request}): the server
     * parses the body with the guards its answer is typed by, and the document leaves the body
     * untyped ({@code upsertJwtCustomizer} takes the {@code JwtCustomizer} it answers).
     */
    AS_ANSWER("as-answer"),
    /** A number whose values have fractions: {@code BigDecimal}. */
    DECIMAL("decimal"),
    /** A text parameter that takes {@code true} or {@code false}. */
    BOOLEAN("boolean"),
    /** An array of plain strings. */
    STRING_LIST("string-list"),
    /** An object keyed by names the document only hints at with a placeholder, of any JSON values. */
    JSON_MAP("json-map"),
    /** A property the document leaves out, a string. */
    ADD_STRING("add:string"),
    /** A property the document leaves out, an array of strings. */
    ADD_STRING_LIST("add:string-list"),
    /** A property the document leaves out, an object of string properties. */
    ADD_STRING_MAP("add:string-map"),
    /**
     * A request property the server assigns itself ({@code tenantId}, {@code createdAt}): left out
     * of the request body, so builders do not offer it. Only in a body the operation's own schema
     * declares (never through a shared {@code $ref}, which answers use too).
     */
    SERVER_MANAGED("server-managed"),
    /**
     * {@code enum-of:<operationId>}: a text property that takes only the values another operation's
     * answer lists as the enum of the property at the same path (Logto checks a create's value
     * against the set it answers, where the document types the body's property as free text).
     */
    ENUM_OF("enum-of"),
    /**
     * {@code shape:<name>}: the schema named {@code name} in {@link #SHAPES_RESOURCE}, written from
     * the guard Logto's source parses with, where the document leaves the value untyped.
     */
    SHAPE("shape");

    private final String text;

    Fix(String text) {
      this.text = text;
    }

    static Fix parse(String text, String line) {
      for (Fix f : values()) {
        if (f.text.equals(text) && !f.takesArgument()) {
          return f;
        }
        if (f.takesArgument() && text.startsWith(f.text + ":") && text.length() > f.text.length() + 1) {
          return f;
        }
      }
      throw new GenerationException("unknown fix '" + text + "' in corrections line: " + line);
    }

    /** {@return whether the fix is written {@code <text>:<argument>}} */
    public boolean takesArgument() {
      return this == ENUM_OF || this == SHAPE;
    }

    /** {@return the word used in the corrections file} */
    public String text() {
      return text;
    }
  }

  /**
   * One correction.
   *
   * @param operationId the operation, or {@code *} for every operation with the target
   * @param target where in the operation
   * @param fix what changes
   * @param argument what the fix takes after its colon ({@code add:string}), or empty
   * @param proof the recording, relative to {@code ../shared/logto}, that shows the real behaviour, or
   *     {@code document} for a flag the document itself describes as {@code `true`} (checked by
   *     {@code CorrectionsProofTest})
   */
  public record Entry(String operationId, String target, Fix fix, String argument, String proof) {
    /**
     * Checks that every part is present.
     *
     * @param operationId the operation, or {@code *} for every operation with the target
     * @param target where in the operation
     * @param fix what changes
     * @param argument what the fix names after its colon ({@code enum-of:<operationId>},
     *     {@code shape:<name>}), or empty
     * @param proof the recording, relative to {@code ../shared/logto}, that shows the real behaviour, or
     *     {@code document} for a flag the document itself describes as {@code `true`} (checked by
     *     {@code CorrectionsProofTest})
     */
    public Entry {
      Objects.requireNonNull(operationId, "operationId == null");
      Objects.requireNonNull(target, "target == null");
      Objects.requireNonNull(fix, "fix == null");
      Objects.requireNonNull(argument, "argument == null");
      Objects.requireNonNull(proof, "proof == null");
    }
  }

  private final List<Entry> entries;

  private Corrections(List<Entry> entries) {
    this.entries = List.copyOf(entries);
  }

  /** {@return no corrections: the document as it stands} */
  public static Corrections none() {
    return new Corrections(List.of());
  }

  /** {@return the corrections shipped as {@link #DEFAULT_RESOURCE}} */
  public static Corrections defaults() {
    try (InputStream in = Corrections.class.getResourceAsStream(DEFAULT_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + DEFAULT_RESOURCE);
      }
      return parse(new InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Reads a corrections file.
   *
   * @param file the corrections file
   * @return its corrections
   */
  public static Corrections load(Path file) {
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return parse(r);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read corrections " + file, e);
    }
  }

  private static Corrections parse(Reader reader) throws IOException {
    List<Entry> entries = new ArrayList<>();
    BufferedReader lines = new BufferedReader(reader);
    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
      String text = line.strip();
      if (text.isEmpty() || text.startsWith("#")) {
        continue;
      }
      String[] parts = text.split("\\s+");
      if (parts.length != 4) {
        throw new GenerationException(
            "a corrections line needs: operationId target fix proof; got: " + line);
      }
      Fix fix = Fix.parse(parts[2], line);
      String argument = fix.takesArgument() ? parts[2].substring(fix.text().length() + 1) : "";
      entries.add(new Entry(parts[0], parts[1], fix, argument, parts[3]));
    }
    return new Corrections(entries);
  }

  /** {@return the entries, in file order} */
  public List<Entry> entries() {
    return entries;
  }

  /**
   * Applies every entry to the document.
   *
   * @throws GenerationException when an entry names an operation or target the document lacks
   */
  void apply(OpenAPI api) {
    new CorrectionsApplier(entries).apply(api);
  }
}
