package io.logto.management.testsupport.apifixture;

/** Package-private: its public method is not part of the API. */
final class Internal {
  public void run() {}
}
