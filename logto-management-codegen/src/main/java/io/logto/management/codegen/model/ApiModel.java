package io.logto.management.codegen.model;

import java.util.List;

/**
 * Everything the emitters need, sorted for deterministic output.
 *
 * @param services services sorted by class name
 * @param types model types sorted by name
 */
public record ApiModel(List<ServiceDef> services, List<TypeDef> types) {
  public ApiModel {
    services = List.copyOf(services);
    types = List.copyOf(types);
  }
}
