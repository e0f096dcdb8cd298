package io.logto.management.testsupport.apifixture;

import java.util.List;

/** A type whose API {@code ApiSnapshotTest} describes: public, protected and hidden members. */
public class Greeter {
  public static final String GREETING = "hello";

  int hiddenCount;

  public Greeter() {}

  Greeter(int hiddenCount) {
    this.hiddenCount = hiddenCount;
  }

  public String greet(List<String> names) {
    return GREETING + " " + names;
  }

  protected void prepare() {}

  void hidden() {}

  /** Public and nested in a public type: part of the API. */
  public record Pair(String left, int right) {}

  /** Private: its public method is not part of the API. */
  private static final class Secret {
    public void reveal() {}
  }
}
