package io.logto.management.codegen.model;

import java.util.List;

/**
 * One service class to emit, for one tag of the document.
 *
 * @param tag the document's tag
 * @param className the service's simple class name
 * @param accessor the facade's accessor method name
 * @param operations operations sorted by operationId
 */
public record ServiceDef(String tag, String className, String accessor, List<OperationDef> operations) {
  /**
   * Copies the operations.
   *
   * @param tag the document's tag
   * @param className the service's simple class name
   * @param accessor the facade's accessor method name
   * @param operations operations sorted by operationId
   */
  public ServiceDef {
    operations = List.copyOf(operations);
  }
}
