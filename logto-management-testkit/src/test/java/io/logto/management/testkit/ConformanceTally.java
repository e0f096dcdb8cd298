package io.logto.management.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** What replaying one folder of recordings gave, exchange by exchange, and its printed summary. */
final class ConformanceTally {
  /** How one recorded exchange fared against the emulator. */
  enum Outcome {
    /** Same status, code, headers that matter and JSON shape. */
    MATCHED,
    /** An emulated operation answered differently from the recording. */
    MISMATCHED,
    /** Differs as a line of {@code conformance-known-mismatches.txt} says it still does. */
    KNOWN_MISMATCH,
    /** The emulator answered 501: the operation (or this use of it) is not emulated. */
    UNSUPPORTED,
    /** The recording cannot be replayed on another machine (see the folder's reasons). */
    NOT_REPLAYABLE
  }

  /** One exchange's outcome; {@code detail} says why for every outcome but MATCHED. */
  record Result(String file, String operationId, Outcome outcome, String detail) {}

  private final String folder;
  private final Set<String> only;
  private final List<Result> results = new ArrayList<>();

  /** @param only the operationIds judged (all when empty), named in the report */
  ConformanceTally(String folder, Set<String> only) {
    this.folder = folder;
    this.only = only;
  }

  void add(Result result) {
    results.add(result);
  }

  List<Result> with(Outcome outcome) {
    return results.stream().filter(r -> r.outcome() == outcome).toList();
  }

  /** The summary line, then every unsupported operation with its count, then each problem. */
  String report() {
    StringBuilder out = new StringBuilder();
    Map<String, List<String>> unsupported = new TreeMap<>();
    for (Result result : with(Outcome.UNSUPPORTED)) {
      unsupported.computeIfAbsent(result.operationId() + " (" + result.detail() + ")", k -> new ArrayList<>())
          .add(result.file().substring(0, result.file().indexOf('-')));
    }
    out.append(String.format("conformance %s: %d matched, %d mismatched, %d known mismatches, %d unsupported"
            + " (%d operations), %d not replayable%s%n", folder, with(Outcome.MATCHED).size(),
        with(Outcome.MISMATCHED).size(), with(Outcome.KNOWN_MISMATCH).size(),
        with(Outcome.UNSUPPORTED).size(), unsupported.keySet().stream().map(k -> k.substring(0, k.indexOf(' ')))
            .distinct().count(), with(Outcome.NOT_REPLAYABLE).size(),
        only.isEmpty() ? "" : " (judging only " + new TreeSet<>(only) + ", -Dconformance.only)"));
    unsupported.forEach((operation, files) -> out.append(String.format("  unsupported %s x%d: %s%n", operation,
        files.size(), String.join(" ", files))));
    for (Result result : with(Outcome.NOT_REPLAYABLE)) {
      out.append("  not replayable ").append(result.file()).append(": ").append(result.detail()).append('\n');
    }
    for (Result result : with(Outcome.KNOWN_MISMATCH)) {
      out.append("  KNOWN MISMATCH ").append(result.file()).append(' ').append(result.operationId()).append(": ")
          .append(result.detail()).append('\n');
    }
    for (Result result : with(Outcome.MISMATCHED)) {
      out.append("  MISMATCH ").append(result.file()).append(' ').append(result.operationId()).append(": ")
          .append(result.detail()).append('\n');
    }
    return out.toString();
  }
}
