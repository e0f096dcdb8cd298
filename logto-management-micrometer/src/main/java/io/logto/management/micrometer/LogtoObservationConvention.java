package io.logto.management.micrometer;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * Names and tags the observations of {@link LogtoObservations}; implement it (or extend
 * {@link DefaultLogtoObservationConvention}) to change them.
 */
public interface LogtoObservationConvention extends ObservationConvention<LogtoAttemptContext> {
  @Override
  default boolean supportsContext(Observation.Context context) {
    return context instanceof LogtoAttemptContext;
  }
}
