package io.logto.management.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A module's public API as sorted text, compared with a snapshot file committed beside its tests, so
 * that every addition, rename or removal shows in review. It lists the compiled public types of the
 * given packages (nested ones included when they and every type enclosing them are public) and their
 * public and protected members. {@link #check()} fails with the first differing line; run with
 * {@code -Dapi.snapshot.update=true} to rewrite the file after an intended change.
 */
public final class ApiSnapshot {
  /** The system property that makes {@link #check()} rewrite the snapshot file instead of failing. */
  public static final String UPDATE_PROPERTY = "api.snapshot.update";

  private final Path snapshot;
  private final Path classes;
  private final List<String> packages;
  private final Format format;
  private final Set<String> undescribed;

  private ApiSnapshot(Path snapshot, Path classes, List<String> packages, Format format, Set<String> undescribed) {
    this.snapshot = snapshot;
    this.classes = classes;
    this.packages = packages;
    this.format = format;
    this.undescribed = undescribed;
  }

  /**
   * The API of {@code packages}, read from the module's {@code target/classes}, each type and member
   * on a line of its own with its full generic declaration.
   *
   * @param snapshot the committed file, relative to the module's folder
   * @param packages the packages whose public types are the API (not their subpackages)
   * @return the snapshot, ready to {@link #check()}
   */
  public static ApiSnapshot of(Path snapshot, String... packages) {
    if (packages.length == 0) {
      throw new IllegalArgumentException("an API snapshot needs at least one package");
    }
    return new ApiSnapshot(snapshot, Path.of("target", "classes"), List.of(packages), new FullDeclarations(),
        Set.of());
  }

  /**
   * The same types, described by name only: each type with its kind and each public method with its
   * parameter types, {@code root} and {@code java.lang.} left out of every name. For an API too large
   * for full declarations to be read in review (the generated one).
   *
   * @param root the package prefix to leave out, e.g. {@code io.logto.management.}
   * @return a snapshot of the same file and packages in that format
   */
  public ApiSnapshot namesOnly(String root) {
    return new ApiSnapshot(snapshot, classes, packages, new NamesOnly(root), undescribed);
  }

  /**
   * Reads the types from another folder of compiled classes.
   *
   * @param classesDir the folder holding the packages' class files
   * @return a snapshot of the same file and packages read from there
   */
  public ApiSnapshot classesIn(Path classesDir) {
    return new ApiSnapshot(snapshot, classesDir, packages, format, undescribed);
  }

  /**
   * Lists these types by name only, with a line saying so, instead of describing their members: for a
   * type whose signatures name classes the tests' class path lacks (the starter's Boot 4 health
   * indicator, compiled against a Boot 4 type and tested on Boot 3). Its removal or rename still shows.
   *
   * @param binaryNames the types' binary names ({@code Class.getName()})
   * @return a snapshot that lists them by name
   */
  public ApiSnapshot namingOnly(String... binaryNames) {
    return new ApiSnapshot(snapshot, classes, packages, format, Set.of(binaryNames));
  }

  /**
   * Whether the compiled classes are where this snapshot reads them (they are not when a test runs
   * outside its module's folder).
   *
   * @return true when every package's folder exists
   */
  public boolean classesPresent() {
    return packages.stream().allMatch(name -> Files.isDirectory(packageDir(name)));
  }

  /**
   * The API as it is compiled now, one sorted line per type and member.
   *
   * @return the lines, sorted, without duplicates
   */
  public List<String> lines() {
    TreeSet<String> lines = new TreeSet<>();
    for (String name : binaryNames()) {
      if (undescribed.contains(name)) {
        lines.add(name + " : (listed by name only: its signatures name classes absent from the tests)");
        continue;
      }
      Class<?> type = load(name);
      if (reachable(type)) {
        try {
          format.describe(type, lines);
        } catch (LinkageError e) {
          throw unloadable(name, e);
        }
      }
    }
    return new ArrayList<>(lines);
  }

  /**
   * Compares the compiled API with the committed file (or rewrites the file when
   * {@value #UPDATE_PROPERTY} is true). The current text is also written to {@code target/} under the
   * snapshot's file name, to diff against.
   *
   * @throws AssertionError naming the file and the first differing line when they differ
   */
  public void check() {
    check(Boolean.getBoolean(UPDATE_PROPERTY));
  }

  // the property read apart, so that this class's own tests do not depend on it
  void check(boolean update) {
    String actual = String.join("\n", lines()) + "\n";
    try {
      if (update) {
        Files.writeString(snapshot, actual, StandardCharsets.UTF_8);
      }
      Path written = Path.of("target", snapshot.getFileName().toString());
      Files.writeString(written, actual, StandardCharsets.UTF_8);
      String committed = Files.isRegularFile(snapshot) ? Files.readString(snapshot, StandardCharsets.UTF_8) : "";
      if (!committed.equals(actual)) {
        throw new AssertionError("public API differs from " + snapshot + " (actual in " + written + "; rerun with -D"
            + UPDATE_PROPERTY + "=true if intended): " + firstDifference(committed, actual));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String firstDifference(String committed, String actual) {
    List<String> before = committed.lines().toList();
    List<String> now = actual.lines().toList();
    for (int i = 0; i < Math.max(before.size(), now.size()); i++) {
      String was = i < before.size() ? before.get(i) : "<end>";
      String is = i < now.size() ? now.get(i) : "<end>";
      if (!was.equals(is)) {
        return "line " + (i + 1) + " is\n  " + is + "\nthe snapshot has\n  " + was;
      }
    }
    return "only line endings differ";
  }

  private Path packageDir(String name) {
    return classes.resolve(name.replace('.', '/'));
  }

  private List<String> binaryNames() {
    List<String> names = new ArrayList<>();
    for (String name : packages) {
      Path dir = packageDir(name);
      if (!Files.isDirectory(dir)) {
        throw new IllegalStateException("no compiled classes of package " + name + " in " + dir.toAbsolutePath());
      }
      try (Stream<Path> files = Files.list(dir)) {
        files.map(file -> file.getFileName().toString())
            .filter(file -> file.endsWith(".class") && !file.equals("package-info.class"))
            .map(file -> name + "." + file.substring(0, file.length() - ".class".length()))
            .sorted()
            .forEach(names::add);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return names;
  }

  private static Class<?> load(String name) {
    ClassLoader loader = Objects.requireNonNullElse(Thread.currentThread().getContextClassLoader(),
        ApiSnapshot.class.getClassLoader());
    try {
      return Class.forName(name, false, loader);
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException("compiled class " + name + " does not load: " + e.getMessage(), e);
    } catch (LinkageError e) {
      throw unloadable(name, e);
    }
  }

  private static IllegalStateException unloadable(String name, LinkageError e) {
    return new IllegalStateException("cannot describe " + name + ": it names " + e.getMessage()
        + ", absent from the class path (list it with namingOnly if that is intended)", e);
  }

  // public, and so are the types enclosing it
  private static boolean reachable(Class<?> type) {
    for (Class<?> t = type; t != null; t = t.getEnclosingClass()) {
      if (!Modifier.isPublic(t.getModifiers()) || t.isAnonymousClass() || t.isLocalClass()) {
        return false;
      }
    }
    return true;
  }

  /** How a type and its members become lines. */
  private interface Format {
    void describe(Class<?> type, TreeSet<String> lines);
  }

  /** Each type's declaration and its public and protected constructors, methods and fields, in full. */
  private static final class FullDeclarations implements Format {
    @Override
    public void describe(Class<?> type, TreeSet<String> lines) {
      String owner = type.getName() + " : ";
      lines.add(owner + declaration(type));
      Stream.of(type.getDeclaredConstructors()).filter(FullDeclarations::visible)
          .forEach(constructor -> lines.add(owner + constructor.toGenericString()));
      Stream.of(type.getDeclaredMethods()).filter(method -> visible(method) && !method.isBridge())
          .forEach(method -> lines.add(owner + method.toGenericString()));
      Stream.of(type.getDeclaredFields()).filter(FullDeclarations::visible)
          .forEach(field -> lines.add(owner + field.toGenericString()));
    }

    private static boolean visible(Member member) {
      return !member.isSynthetic()
          && (Modifier.isPublic(member.getModifiers()) || Modifier.isProtected(member.getModifiers()));
    }

    private static String declaration(Class<?> type) {
      // JDK 17 leaves "sealed" out of toGenericString and later JDKs print it: name it the same way on both
      String generic = type.toGenericString().replace("non-sealed ", "").replace("sealed ", "");
      StringBuilder out = new StringBuilder(type.isSealed() ? "sealed " + generic : generic);
      if (type.getGenericSuperclass() != null && type.getSuperclass() != Object.class && !type.isEnum()
          && !type.isRecord()) {
        out.append(" extends ").append(type.getGenericSuperclass().getTypeName());
      }
      if (type.getGenericInterfaces().length > 0) {
        out.append(type.isInterface() ? " extends " : " implements ").append(Arrays.stream(type.getGenericInterfaces())
            .map(Type::getTypeName).collect(Collectors.joining(", ")));
      }
      return out.toString();
    }
  }

  /** Each type's name and kind, each public method's name and parameter types, short names. */
  private static final class NamesOnly implements Format {
    private final String root;

    NamesOnly(String root) {
      this.root = root;
    }

    @Override
    public void describe(Class<?> type, TreeSet<String> lines) {
      String name = shortName(type.getName());
      lines.add(name + " " + kind(type));
      for (Method method : type.getDeclaredMethods()) {
        if (Modifier.isPublic(method.getModifiers()) && !method.isSynthetic()) {
          String parameters = Arrays.stream(method.getGenericParameterTypes())
              .map(parameter -> shortName(parameter.getTypeName()).replace("java.lang.", ""))
              .collect(Collectors.joining(", "));
          lines.add(name + " " + method.getName() + "(" + parameters + ")");
        }
      }
    }

    private String shortName(String name) {
      return name.replace(root, "");
    }

    private static String kind(Class<?> type) {
      if (type.isRecord()) {
        return "record";
      }
      if (type.isEnum()) {
        return "enum";
      }
      return type.isInterface() ? "interface" : "class";
    }
  }
}
