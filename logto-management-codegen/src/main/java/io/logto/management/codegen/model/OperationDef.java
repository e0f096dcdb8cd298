package io.logto.management.codegen.model;

import java.util.List;
import java.util.Objects;

/**
 * One operation of a service, everything its methods and request are emitted from.
 *
 * @param operationId the document's operationId
 * @param methodName the Java method name
 * @param httpMethod upper-case HTTP method
 * @param path the path template
 * @param summary the one-line summary (may be empty)
 * @param pathParams path parameters in path order
 * @param queryParams query parameters in document order
 * @param paramsType the simple name of the query params record, or {@code null} without query
 * @param body the request body, or {@code null}
 * @param response what a success returns
 * @param paginated whether it takes {@code page} and {@code page_size} and returns an array
 */
public record OperationDef(
    String operationId,
    String methodName,
    String httpMethod,
    String path,
    String summary,
    List<ParamDef> pathParams,
    List<ParamDef> queryParams,
    String paramsType,
    BodyDef body,
    ResponseDef response,
    boolean paginated) {
  /**
   * Checks the operationId and copies the parameter lists.
   *
   * @param operationId the document's operationId
   * @param methodName the Java method name
   * @param httpMethod upper-case HTTP method
   * @param path the path template
   * @param summary the one-line summary (may be empty)
   * @param pathParams path parameters in path order
   * @param queryParams query parameters in document order
   * @param paramsType the simple name of the query params record, or {@code null} without query
   * @param body the request body, or {@code null}
   * @param response what a success returns
   * @param paginated whether it takes {@code page} and {@code page_size} and returns an array
   */
  public OperationDef {
    Objects.requireNonNull(operationId, "operationId == null");
    pathParams = List.copyOf(pathParams);
    queryParams = List.copyOf(queryParams);
  }
}
