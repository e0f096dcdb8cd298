/**
 * The typed Logto Management API: {@link io.logto.management.LogtoManagement} with one service per
 * tag of Logto's OpenAPI document, and the request and response models. Generated from the document
 * by {@code logto-management-codegen}; the runtime is {@code io.logto.management.core}.
 */
module io.logto.management {
  requires transitive io.logto.management.core;

  exports io.logto.management;
  exports io.logto.management.model;
  exports io.logto.management.service;

  // Jackson reads and writes the generated records and enums reflectively
  opens io.logto.management.model to
      com.fasterxml.jackson.databind;
}
