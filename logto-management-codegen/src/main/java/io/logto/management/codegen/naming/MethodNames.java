package io.logto.management.codegen.naming;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rules that turn an operationId into the method a Java developer guesses (the method step of
 * the naming stage; exceptions are {@code method.} entries of {@link Overrides}):
 *
 * <ul>
 *   <li>the operationId minus the tag's noun: {@code ListUserRoles} -> {@code listRoles};
 *   <li>a read of one object is {@code get...}, even where the operationId says {@code List}:
 *       {@code ListUserCustomData} -> {@code getCustomData}, {@code ListUserAllIdentities} -> {@code
 *       getAllIdentities} (which also keeps it apart from the {@code listAll} pagers);
 *   <li>a read of a yes/no fact is the question: {@code GetUserHasPassword} -> {@code hasPassword};
 *   <li>no HTTP method in a name: a trailing {@code Post}, {@code Get}... is dropped.
 * </ul>
 */
public final class MethodNames {
  private static final Set<String> HTTP_METHODS = Set.of("get", "post", "put", "patch", "delete", "head");
  private static final List<String> QUESTIONS = List.of("has", "is", "can");
  private static final Pattern CHANGES = Pattern.compile("^(?:update|replace)([A-Z][A-Za-z0-9]*)$");

  private MethodNames() {}

  /**
   * The method name of an operation.
   *
   * @param operationId the operationId
   * @param noun the tag's noun words, removed from the operationId
   * @param readsOneObject whether the operation answers one object (not a list) to a GET
   * @return the method name
   */
  public static String of(String operationId, List<String> noun, boolean readsOneObject) {
    String name = Names.methodName(withoutHttpMethod(operationId), noun);
    if (readsOneObject && name.startsWith("list")) {
      name = "get" + name.substring("list".length());
    }
    for (String question : QUESTIONS) {
      String prefix = "get" + Names.capitalize(question);
      if (name.startsWith(prefix) && name.length() > prefix.length()
          && Character.isUpperCase(name.charAt(prefix.length()))) {
        return question + name.substring(prefix.length());
      }
    }
    return name;
  }

  /**
   * What an update or replace method changes, named as its argument: {@code customData} for {@code
   * updateCustomData}.
   *
   * @param methodName the method name
   * @return the argument name, or empty when the method is no update or replace of a named part
   */
  public static Optional<String> changedPart(String methodName) {
    Matcher changes = CHANGES.matcher(methodName);
    return changes.matches() ? Optional.of(Names.camel(changes.group(1))) : Optional.empty();
  }

  private static String withoutHttpMethod(String operationId) {
    List<String> words = Names.words(operationId);
    String last = words.get(words.size() - 1).toLowerCase(Locale.ROOT);
    if (words.size() > 2 && HTTP_METHODS.contains(last)) {
      return String.join("", words.subList(0, words.size() - 1));
    }
    return operationId;
  }
}
