package io.logto.management.codegen.model;

import java.util.List;

/**
 * The generator's intermediate model between reading and emitting: everything the emitters need,
 * sorted for deterministic output.
 *
 * @param services services sorted by class name
 * @param types model types sorted by name
 */
public record ApiModel(List<ServiceDef> services, List<TypeDef> types) {
  /**
   * Copies both lists, so the model cannot change under the emitters.
   *
   * @param services services sorted by class name
   * @param types model types sorted by name
   */
  public ApiModel {
    services = List.copyOf(services);
    types = List.copyOf(types);
  }
}
