package io.logto.management.core;

import io.logto.management.core.internal.text.PathTemplate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import static java.util.Objects.requireNonNull;

/**
 * An immutable description of one HTTP call to the Management API: method, path template with its
 * parameters, query, headers and body. This is what generated services build, and the escape hatch for
 * any endpoint:
 *
 * <pre>{@code
 * ApiRequest request = ApiRequest.get("/api/users/{userId}").pathParam("userId", id).build();
 * JsonNode user = client.call(request, JsonNode.class, RequestOptions.defaults());
 * }</pre>
 */
public final class ApiRequest {
  private final String method;
  private final String pathTemplate;
  private final Map<String, String> pathParams;
  private final List<Map.Entry<String, String>> query;
  private final Map<String, String> headers;
  private final Body body;
  private final String accept;
  private final String path;

  private ApiRequest(Builder builder) {
    this.method = builder.method;
    this.pathTemplate = builder.pathTemplate;
    this.pathParams = frozen(builder.pathParams);
    this.query = List.copyOf(builder.query);
    this.headers = frozen(builder.headers);
    this.body = builder.body();
    this.accept = builder.accept;
    this.path = PathTemplate.expand(pathTemplate, pathParams);
  }

  // most calls bind no path parameter and no header: share the empty map instead of copying
  private static Map<String, String> frozen(Map<String, String> map) {
    return map.isEmpty() ? Collections.emptyMap() : Collections.unmodifiableMap(new LinkedHashMap<>(map));
  }

  private ApiRequest(ApiRequest from, List<Map.Entry<String, String>> query) {
    this.method = from.method;
    this.pathTemplate = from.pathTemplate;
    this.pathParams = from.pathParams;
    this.query = List.copyOf(query);
    this.headers = from.headers;
    this.body = from.body;
    this.accept = from.accept;
    this.path = from.path;
  }

  /**
   * Starts a GET request.
   *
   * @param pathTemplate the path, such as {@code /api/users/{userId}}
   * @return a builder
   */
  public static Builder get(String pathTemplate) {
    return of("GET", pathTemplate);
  }

  /**
   * Starts a POST request.
   *
   * @param pathTemplate the path template
   * @return a builder
   */
  public static Builder post(String pathTemplate) {
    return of("POST", pathTemplate);
  }

  /**
   * Starts a PUT request.
   *
   * @param pathTemplate the path template
   * @return a builder
   */
  public static Builder put(String pathTemplate) {
    return of("PUT", pathTemplate);
  }

  /**
   * Starts a PATCH request.
   *
   * @param pathTemplate the path template
   * @return a builder
   */
  public static Builder patch(String pathTemplate) {
    return of("PATCH", pathTemplate);
  }

  /**
   * Starts a DELETE request.
   *
   * @param pathTemplate the path template
   * @return a builder
   */
  public static Builder delete(String pathTemplate) {
    return of("DELETE", pathTemplate);
  }

  /**
   * Starts a HEAD request.
   *
   * @param pathTemplate the path template
   * @return a builder
   */
  public static Builder head(String pathTemplate) {
    return of("HEAD", pathTemplate);
  }

  /**
   * Starts a request with any method.
   *
   * @param method the HTTP method, such as {@code GET}; upper-cased
   * @param pathTemplate the path template, starting with {@code /}
   * @return a builder
   * @throws IllegalArgumentException if the method is blank or the template does not start with /
   */
  public static Builder of(String method, String pathTemplate) {
    return new Builder(method, pathTemplate);
  }

  /**
   * Returns the HTTP method.
   *
   * @return the upper-case method
   */
  public String method() {
    return method;
  }

  /**
   * Returns the path template as given.
   *
   * @return the template, such as {@code /api/users/{userId}}
   */
  public String pathTemplate() {
    return pathTemplate;
  }

  /**
   * Returns the path parameters as given (not encoded).
   *
   * @return the parameters by name
   */
  public Map<String, String> pathParams() {
    return pathParams;
  }

  /**
   * Returns the path with each parameter percent-encoded as one segment.
   *
   * @return the raw (encoded) path
   */
  public String path() {
    return path;
  }

  /**
   * Returns the query parameters in order, repeated keys included (not encoded).
   *
   * @return the query parameters
   */
  public List<Map.Entry<String, String>> query() {
    return query;
  }

  /**
   * Returns the extra request headers.
   *
   * @return the headers by name
   */
  public Map<String, String> headers() {
    return headers;
  }

  /**
   * Returns the body.
   *
   * @return the body; {@link Body.None} when there is none
   */
  public Body body() {
    return body;
  }

  /**
   * Returns the {@code Accept} media type.
   *
   * @return the media type, {@code application/json} unless set
   */
  public String accept() {
    return accept;
  }

  /**
   * Returns a copy in which {@code name} has exactly one value, replacing any values it had; used by
   * pagination to set {@code page} and {@code page_size}.
   *
   * @param name the query key
   * @param value the value
   * @return the copy
   */
  public ApiRequest withQuery(String name, String value) {
    requireNonNull(name, "name == null");
    requireNonNull(value, "value == null");
    List<Map.Entry<String, String>> copy = new ArrayList<>(query.size() + 1);
    for (Map.Entry<String, String> entry : query) {
      if (!entry.getKey().equals(name)) {
        copy.add(entry);
      }
    }
    copy.add(Map.entry(name, value));
    return new ApiRequest(this, copy);
  }

  /**
   * Describes the request without its body or header values.
   *
   * @return method and path
   */
  @Override
  public String toString() {
    return "ApiRequest[" + method + " " + path + "]";
  }

  /** The body of a request. */
  public sealed interface Body {
    /** No body. */
    record None() implements Body {}

    /**
     * A value serialised as JSON with the client's {@code ObjectMapper}.
     *
     * @param value the value: a record, a {@code JsonNode}, a {@code Map}, ...; may be null (JSON null)
     */
    record Json(@Nullable Object value) implements Body {}

    /**
     * An {@code application/x-www-form-urlencoded} body.
     *
     * @param fields the fields in order
     */
    record Form(List<Map.Entry<String, String>> fields) implements Body {
      /**
       * Copies the fields.
       *
       * @param fields the fields in order
       * @throws NullPointerException if {@code fields} is null
       */
      public Form {
        fields = List.copyOf(fields);
      }
    }

    /**
     * A {@code multipart/form-data} body.
     *
     * @param parts the parts in order
     */
    record Multipart(List<Part> parts) implements Body {
      /**
       * Copies the parts.
       *
       * @param parts the parts in order
       * @throws NullPointerException if {@code parts} is null
       */
      public Multipart {
        parts = List.copyOf(parts);
      }
    }
  }

  /**
   * One part of a multipart body.
   *
   * @param name the field name
   * @param filename the file name, empty for a plain field
   * @param contentType the part's media type
   * @param content the bytes (not copied on access)
   */
  public record Part(String name, Optional<String> filename, String contentType, byte[] content) {
    /**
     * Validates the components.
     *
     * @param name the field name
     * @param filename the file name, empty for a plain field
     * @param contentType the part's media type
     * @param content the bytes (not copied on access)
     * @throws NullPointerException if a component is null
     */
    public Part {
      requireNonNull(name, "name == null");
      requireNonNull(filename, "filename == null");
      requireNonNull(contentType, "contentType == null");
      requireNonNull(content, "content == null");
    }

    /**
     * Describes the part without its content.
     *
     * @return name, file name, type and size
     */
    @Override
    public String toString() {
      return "Part[name=" + name + ", filename=" + filename.orElse("") + ", contentType=" + contentType
          + ", size=" + content.length + "]";
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Part part && name.equals(part.name) && filename.equals(part.filename)
          && contentType.equals(part.contentType) && Arrays.equals(content, part.content);
    }

    @Override
    public int hashCode() {
      return 31 * name.hashCode() + Arrays.hashCode(content);
    }
  }

  /** Builds an {@link ApiRequest}; not thread-safe. */
  public static final class Builder {
    private final String method;
    private final String pathTemplate;
    private final Set<String> templateParameters;
    private final Map<String, String> pathParams = new LinkedHashMap<>();
    private final List<Map.Entry<String, String>> query = new ArrayList<>();
    private final Map<String, String> headers = new LinkedHashMap<>();
    private boolean hasJson;
    private @Nullable Object json;
    private final List<Map.Entry<String, String>> formFields = new ArrayList<>();
    private final List<Part> parts = new ArrayList<>();
    private String accept = "application/json";

    private Builder(String method, String pathTemplate) {
      requireNonNull(method, "method == null");
      requireNonNull(pathTemplate, "pathTemplate == null");
      if (method.isBlank()) {
        throw new IllegalArgumentException("method is blank");
      }
      this.method = method.trim().toUpperCase(Locale.ROOT);
      this.templateParameters = PathTemplate.parameters(pathTemplate);
      this.pathTemplate = pathTemplate;
    }

    /**
     * Binds a path parameter; it is percent-encoded as exactly one path segment when sent.
     *
     * @param name the name inside braces in the template
     * @param value the value; {@code String.valueOf} is sent
     * @return this builder
     * @throws IllegalArgumentException if the value is null or blank, naming the parameter
     */
    public Builder pathParam(String name, Object value) {
      requireNonNull(name, "path parameter name == null");
      if (value == null) {
        throw new IllegalArgumentException("path parameter '" + name + "' is null");
      }
      String text = String.valueOf(value);
      if (text.isBlank()) {
        throw new IllegalArgumentException("path parameter '" + name + "' is blank");
      }
      pathParams.put(name, text);
      return this;
    }

    /**
     * Adds a query parameter. A null or empty {@link Optional} value is skipped; an {@link Iterable} or
     * array adds the key once per element ({@code types=A&types=B}); anything else is sent as
     * {@code String.valueOf(value)}.
     *
     * @param name the key, sent as given (dotted keys such as {@code search.primaryEmail} included)
     * @param value the value, or null to skip
     * @return this builder
     */
    public Builder query(String name, @Nullable Object value) {
      requireNonNull(name, "query parameter name == null");
      if (value instanceof Optional<?> optional) {
        return query(name, optional.orElse(null));
      }
      if (value == null) {
        return this;
      }
      if (value instanceof Iterable<?> values) {
        for (Object element : values) {
          if (element != null) {
            query.add(Map.entry(name, String.valueOf(element)));
          }
        }
      } else if (value instanceof Object[] values) {
        return query(name, Arrays.asList(values));
      } else {
        query.add(Map.entry(name, String.valueOf(value)));
      }
      return this;
    }

    /**
     * Adds a request header.
     *
     * @param name the header name
     * @param value the header value
     * @return this builder
     */
    public Builder header(String name, String value) {
      requireNonNull(name, "header name == null");
      requireNonNull(value, "header '" + name + "' value == null");
      headers.put(name, value);
      return this;
    }

    /**
     * Sets a JSON body, serialised with the client's {@code ObjectMapper}.
     *
     * @param json the value; null sends JSON {@code null}
     * @return this builder
     */
    public Builder body(@Nullable Object json) {
      this.hasJson = true;
      this.json = json;
      return this;
    }

    /**
     * Adds a field of an {@code application/x-www-form-urlencoded} body.
     *
     * @param name the field name
     * @param value the field value
     * @return this builder
     */
    public Builder formField(String name, String value) {
      requireNonNull(name, "form field name == null");
      requireNonNull(value, "form field '" + name + "' value == null");
      formFields.add(Map.entry(name, value));
      return this;
    }

    /**
     * Adds a plain field of a {@code multipart/form-data} body.
     *
     * @param name the field name
     * @param value the field value, sent as UTF-8 text
     * @return this builder
     */
    public Builder multipartField(String name, String value) {
      requireNonNull(value, "multipart field '" + name + "' value == null");
      parts.add(new Part(name, Optional.empty(), "text/plain; charset=UTF-8",
          value.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
      return this;
    }

    /**
     * Adds a file to a {@code multipart/form-data} body.
     *
     * @param name the field name
     * @param filename the file name sent to the server
     * @param contentType the file's media type
     * @param content the file's bytes (copied)
     * @return this builder
     */
    public Builder multipartFile(String name, String filename, String contentType, byte[] content) {
      requireNonNull(filename, "filename == null");
      requireNonNull(content, "content == null");
      parts.add(new Part(name, Optional.of(filename), contentType, content.clone()));
      return this;
    }

    /**
     * Sets the {@code Accept} media type.
     *
     * @param mediaType the media type; default {@code application/json}
     * @return this builder
     */
    public Builder accept(String mediaType) {
      requireNonNull(mediaType, "mediaType == null");
      this.accept = mediaType;
      return this;
    }

    /**
     * Builds the request.
     *
     * @return the request
     * @throws IllegalArgumentException if a template parameter is unbound or an unknown one is bound,
     *     or more than one kind of body is set
     */
    public ApiRequest build() {
      PathTemplate.checkBound(pathTemplate, templateParameters, pathParams.keySet());
      int kinds = (hasJson ? 1 : 0) + (formFields.isEmpty() ? 0 : 1) + (parts.isEmpty() ? 0 : 1);
      if (kinds > 1) {
        throw new IllegalArgumentException("a request has one kind of body: JSON, form or multipart");
      }
      return new ApiRequest(this);
    }

    private Body body() {
      if (hasJson) {
        return new Body.Json(json);
      }
      if (!formFields.isEmpty()) {
        return new Body.Form(formFields);
      }
      if (!parts.isEmpty()) {
        return new Body.Multipart(parts);
      }
      return new Body.None();
    }
  }
}
