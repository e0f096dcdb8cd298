package io.logto.management.testkit.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every operation of the Management API (method, path template, operationId) from the list bundled
 * as {@code operations.tsv}, and the matching of a request path against the templates. Where several
 * templates match, the one with a literal segment earliest wins ({@code /organizations/{id}/users/roles}
 * beats {@code /organizations/{id}/users/{userId}}), as in Logto's router.
 */
final class OperationTable {
  private final List<Entry> entries;
  private final Map<String, Operation> byId = new HashMap<>();

  private record Entry(Operation operation, String[] segments) {}

  /** The operation an HTTP request maps to, with its path parameters decoded. */
  public record Match(Operation operation, Map<String, String> pathParams) {}

  private OperationTable(List<Entry> entries) {
    this.entries = entries;
    for (Entry entry : entries) {
      byId.put(entry.operation().operationId(), entry.operation());
    }
  }

  /** Loads the bundled list. */
  public static OperationTable load() {
    InputStream in = OperationTable.class.getResourceAsStream("operations.tsv");
    if (in == null) {
      throw new IllegalStateException("operations.tsv missing from the testkit jar");
    }
    List<Entry> entries = new ArrayList<>();
    try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] cols = line.split("\t");
        Operation op = new Operation(cols[0], cols[1], cols[2], !"public".equals(cols[3]));
        entries.add(new Entry(op, op.segments().toArray(String[]::new)));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new OperationTable(List.copyOf(entries));
  }

  public List<Operation> operations() {
    return entries.stream().map(Entry::operation).toList();
  }

  public Operation byId(String operationId) {
    return byId.get(operationId);
  }

  /** The best match for {@code method} and a raw (still percent-encoded) path, or null. */
  public Match match(String method, String rawPath) {
    String[] parts = parts(rawPath);
    Entry best = null;
    for (Entry entry : entries) {
      if (!entry.operation().method().equals(method) || entry.segments().length != parts.length) {
        continue;
      }
      if (matches(entry.segments(), parts) && (best == null || moreLiteral(entry.segments(), best.segments()))) {
        best = entry;
      }
    }
    if (best == null) {
      return null;
    }
    Map<String, String> params = new HashMap<>();
    for (int i = 0; i < parts.length; i++) {
      String segment = best.segments()[i];
      if (isParam(segment)) {
        params.put(segment.substring(1, segment.length() - 1), decode(parts[i]));
      }
    }
    return new Match(best.operation(), params);
  }

  /**
   * The methods some template of {@code rawPath} answers, in the order of the list, each GET preceded
   * by the HEAD Koa's router adds for it (the {@code Allow} of a 405); empty when no template matches.
   */
  public List<String> allowedMethods(String rawPath) {
    String[] parts = parts(rawPath);
    Set<String> methods = new LinkedHashSet<>();
    for (Entry entry : entries) {
      if (entry.segments().length == parts.length && matches(entry.segments(), parts)) {
        if (entry.operation().method().equals("GET")) {
          methods.add("HEAD");
        }
        methods.add(entry.operation().method());
      }
    }
    return List.copyOf(methods);
  }

  private static String[] parts(String rawPath) {
    // like Logto's router (not strict): one trailing slash is ignored
    String path = rawPath.length() > 1 && rawPath.endsWith("/") ? rawPath.substring(0, rawPath.length() - 1) : rawPath;
    return path.substring(1).split("/", -1);
  }

  private static boolean matches(String[] template, String[] parts) {
    for (int i = 0; i < template.length; i++) {
      if (isParam(template[i]) ? parts[i].isEmpty() : !template[i].equals(parts[i])) {
        return false;
      }
    }
    return true;
  }

  private static boolean moreLiteral(String[] a, String[] b) {
    for (int i = 0; i < a.length; i++) {
      boolean aParam = isParam(a[i]);
      if (aParam != isParam(b[i])) {
        return !aParam;
      }
    }
    return false;
  }

  private static boolean isParam(String segment) {
    return segment.startsWith("{") && segment.endsWith("}");
  }

  static String decode(String raw) {
    return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
  }
}
