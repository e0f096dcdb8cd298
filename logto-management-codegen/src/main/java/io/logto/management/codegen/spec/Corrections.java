package io.logto.management.codegen.spec;

import io.logto.management.codegen.model.GenerationException;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
  @SuppressWarnings("rawtypes") // swagger-parser's component map is raw
  void apply(OpenAPI api) {
    // operationId -> the operation and its path item (swagger models hash by value, so no map on them)
    Map<String, Map.Entry<Operation, PathItem>> operations = new LinkedHashMap<>();
    api.getPaths().values().forEach(item -> item.readOperations().forEach(op -> operations.put(op.getOperationId(), Map.entry(op, item))));
    for (Entry e : entries) {
      if (e.target().startsWith("schema:")) {
        String name = e.target().substring("schema:".length());
        Map<String, Schema> schemas = api.getComponents() == null ? null : api.getComponents().getSchemas();
        if (schemas == null || !schemas.containsKey(name)) {
          throw new GenerationException("correction for unknown component schema " + name);
        }
        schemas.put(name, fixed(schemas.get(name), e, GivenSchemas.of(api, e)));
        continue;
      }
      List<Map.Entry<Operation, PathItem>> targets = new ArrayList<>();
      if (e.operationId().equals("*")) {
        targets.addAll(operations.values());
      } else {
        Map.Entry<Operation, PathItem> op = operations.get(e.operationId());
        if (op == null) {
          throw new GenerationException("correction for unknown operation " + e.operationId());
        }
        targets.add(op);
      }
      int applied = 0;
      for (Map.Entry<Operation, PathItem> op : targets) {
        applied += applyTo(api, op.getKey(), op.getValue(), e) ? 1 : 0;
      }
      if (applied == 0) {
        throw new GenerationException(
            "correction " + e.operationId() + " " + e.target() + " " + e.fix().text()
                + (e.argument().isEmpty() ? "" : ":" + e.argument()) + " matches nothing in the document");
      }
    }
  }

  private static boolean applyTo(OpenAPI api, Operation op, PathItem item, Entry e) {
    String target = e.target();
    if (target.equals("request") || e.fix() == Fix.AS_ANSWER) {
      if (!target.equals("request") || e.fix() != Fix.AS_ANSWER) {
        throw new GenerationException("'as-answer' applies to a whole request, and only it: " + e);
      }
      Schema<?> answer = responseSchema(op);
      if (requestSchema(op) == null || answer == null) {
        return false;
      }
      op.getRequestBody().getContent().get("application/json").setSchema(answer);
      return true;
    }
    if (target.equals("response")) {
      if (e.fix() != Fix.VOID) {
        throw new GenerationException("only 'void' applies to a whole response: " + e);
      }
      for (Map.Entry<String, ApiResponse> r : op.getResponses().entrySet()) {
        if (r.getKey().startsWith("2")) {
          r.getValue().setContent(null);
        }
      }
      return true;
    }
    int colon = target.indexOf(':');
    if (colon < 0) {
      throw new GenerationException("bad correction target '" + target + "' in " + e);
    }
    String where = target.substring(0, colon);
    String path = target.substring(colon + 1);
    switch (where) {
      case "query", "path" -> {
        List<Parameter> params = new ArrayList<>();
        if (item.getParameters() != null) {
          params.addAll(item.getParameters());
        }
        if (op.getParameters() != null) {
          params.addAll(op.getParameters());
        }
        for (Parameter p : params) {
          if (where.equals(p.getIn()) && path.equals(p.getName())) {
            p.setSchema(fixed(p.getSchema(), e, GivenSchemas.of(api, e)));
            return true;
          }
        }
        return false;
      }
      case "response", "request" -> {
        Schema<?> root = where.equals("request") ? requestSchema(op) : responseSchema(op);
        return root != null && patch(api, root, List.of(path.split("\\.")), e, GivenSchemas.of(api, e));
      }
      default -> throw new GenerationException("bad correction target '" + target + "' in " + e);
    }
  }

  private static Schema<?> requestSchema(Operation op) {
    if (op.getRequestBody() == null || op.getRequestBody().getContent() == null) {
      return null;
    }
    MediaType json = op.getRequestBody().getContent().get("application/json");
    return json == null ? null : json.getSchema();
  }

  static Schema<?> responseSchema(Operation op) {
    for (Map.Entry<String, ApiResponse> r : new java.util.TreeMap<>(op.getResponses()).entrySet()) {
      Content content = r.getValue().getContent();
      if (r.getKey().startsWith("2") && content != null && content.get("application/json") != null) {
        return content.get("application/json").getSchema();
      }
    }
    return null;
  }

  @SuppressWarnings({"rawtypes", "unchecked"}) // swagger-parser's properties map is raw
  private static boolean patch(OpenAPI api, Schema<?> schema, List<String> path, Entry e, Schema<?> given) {
    Schema<?> s = deref(api, schema);
    if (s == null) {
      return false;
    }
    String step = path.get(0);
    List<String> rest = path.subList(1, path.size());
    if (step.equals("[]")) {
      if (rest.isEmpty()) {
        throw new GenerationException("a fix applies to a property, not to array items: " + e);
      }
      return s.getItems() != null && patch(api, s.getItems(), rest, e, given);
    }
    if (step.startsWith("[]")) {
      List<String> split = new ArrayList<>();
      split.add("[]");
      split.add(step.substring(2));
      split.addAll(rest);
      return patch(api, s, split, e, given);
    }
    boolean found = false;
    // a property may sit in any variant of a oneOf
    if (s.getOneOf() != null) {
      for (Schema<?> v : s.getOneOf()) {
        found |= patch(api, v, path, e, given);
      }
    }
    Map<String, Schema> properties = s.getProperties();
    if (rest.isEmpty() && e.fix() == Fix.SERVER_MANAGED) {
      if (schema.get$ref() != null || properties == null || properties.remove(step) == null) {
        return found;
      }
      if (s.getRequired() != null) {
        List<String> required = new ArrayList<>(s.getRequired());
        required.remove(step);
        s.setRequired(required.isEmpty() ? null : required);
      }
      return true;
    }
    if (rest.isEmpty() && e.fix().text().startsWith("add:")) {
      if (properties == null || properties.containsKey(step)) {
        return found;
      }
      properties.put(step, fixed(null, e, given));
      return true;
    }
    if (properties == null || !properties.containsKey(step)) {
      return found;
    }
    if (rest.isEmpty()) {
      properties.put(step, fixed(properties.get(step), e, given));
      return true;
    }
    return patch(api, properties.get(step), rest, e, given) || found;
  }

  static Schema<?> deref(OpenAPI api, Schema<?> s) {
    Schema<?> current = s;
    for (int i = 0; i < 8 && current != null && current.get$ref() != null; i++) {
      String ref = current.get$ref();
      current = api.getComponents().getSchemas().get(ref.substring(ref.lastIndexOf('/') + 1));
    }
    return current;
  }

  /** The schema replacing {@code old} (keeping its nullability, description and default). */
  @SuppressWarnings({"rawtypes", "unchecked"})
  private static Schema<?> fixed(Schema<?> old, Entry e, Schema<?> given) {
    Schema s =
        switch (e.fix()) {
          case ENUM_OF, SHAPE -> given;
          case EPOCH_MILLIS -> new Schema<>().type("number").format(Formats.EPOCH_MILLIS);
          case EPOCH_SECONDS -> new Schema<>().type("number").format(Formats.EPOCH_SECONDS);
          case ISO_INSTANT -> new Schema<>().type("string").format(Formats.ISO_INSTANT);
          case DECIMAL -> new Schema<>().type("number").format(Formats.DECIMAL);
          case BOOLEAN -> new Schema<>().type("boolean");
          case STRING_LIST, ADD_STRING_LIST -> new ArraySchema().items(new StringSchema());
          // any JSON value under any key: the reader keeps a value of unknown type as a tree
          case JSON_MAP -> new ObjectSchema().additionalProperties(new Schema<>().type(Formats.ANY));
          case STRING, ADD_STRING -> new StringSchema();
          case STRING_MAP, ADD_STRING_MAP -> new ObjectSchema().additionalProperties(new StringSchema());
          case VOID -> throw new GenerationException("'void' applies to a whole response: " + e);
          case AS_ANSWER -> throw new GenerationException("'as-answer' applies to a whole request: " + e);
          case SERVER_MANAGED -> throw new GenerationException("'server-managed' removes a request property: " + e);
        };
    if (old != null) {
      s.setNullable(old.getNullable());
      s.setDescription(old.getDescription());
      s.setDefault(
          e.fix() == Fix.BOOLEAN && old.getDefault() != null
              ? Boolean.valueOf(String.valueOf(old.getDefault()))
              : old.getDefault());
    }
    return s;
  }
}
