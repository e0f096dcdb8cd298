package io.logto.management.codegen;

import io.logto.management.codegen.emit.SourceWriter;
import io.logto.management.codegen.model.ApiModel;
import io.logto.management.codegen.model.GenerationException;
import io.logto.management.codegen.naming.Overrides;
import io.logto.management.codegen.spec.Corrections;
import io.logto.management.codegen.spec.SpecReader;
import java.nio.file.Path;
import java.util.Map;

/**
 * The generator's entry point: reads Logto's OpenAPI document, corrects it where the real server
 * differs, writes the typed API under {@code out} and deletes stale files there. Command line:
 * {@code --spec <file|url> --out <dir> [--overrides <file>] [--corrections <file>]}.
 */
public final class Main {
  private Main() {}

  /**
   * Runs the generator.
   *
   * @param args the command line
   */
  public static void main(String[] args) {
    String spec = null;
    String out = null;
    String overrides = null;
    String corrections = null;
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (i + 1 >= args.length) {
        usage("missing value after " + a);
      }
      switch (a) {
        case "--spec" -> spec = args[++i];
        case "--out" -> out = args[++i];
        case "--overrides" -> overrides = args[++i];
        case "--corrections" -> corrections = args[++i];
        default -> usage("unknown argument " + a);
      }
    }
    if (spec == null || out == null) {
      usage("--spec and --out are required");
    }
    try {
      int changes =
          generate(
              spec,
              Path.of(out),
              overrides == null ? null : Path.of(overrides),
              corrections == null ? null : Path.of(corrections));
      System.out.println("generated " + out + " (" + changes + " files changed)");
    } catch (GenerationException e) {
      System.err.println("generation failed: " + e.getMessage());
      System.exit(1);
    }
  }

  /**
   * Generates sources from {@code spec} into {@code out}.
   *
   * @param spec a file path or http(s) URL of the OpenAPI document
   * @param out the source root to write
   * @param overrides a naming overrides file, or {@code null} for the shipped one
   * @param corrections a corrections file, or {@code null} for the shipped one
   * @return the number of files written or deleted
   */
  public static int generate(String spec, Path out, Path overrides, Path corrections) {
    Map<String, String> files =
        render(
            spec,
            overrides == null ? Overrides.defaults() : Overrides.load(overrides),
            corrections == null ? Corrections.defaults() : Corrections.load(corrections));
    return SourceWriter.write(files, out);
  }

  /**
   * Renders without writing: relative path to content.
   *
   * @param spec the document's file path or http(s) URL
   * @param overrides the naming exceptions
   * @param corrections where the real server differs from the document
   * @return relative path to content
   */
  public static Map<String, String> render(String spec, Overrides overrides, Corrections corrections) {
    ApiModel model = SpecReader.read(spec, overrides, corrections);
    return SourceWriter.render(model);
  }

  private static void usage(String problem) {
    System.err.println(problem);
    System.err.println("usage: --spec <file|url> --out <dir> [--overrides <file>] [--corrections <file>]");
    System.exit(2);
  }
}
