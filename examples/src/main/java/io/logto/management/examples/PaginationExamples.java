package io.logto.management.examples;

import io.logto.management.LogtoManagement;
import io.logto.management.core.CloseableIterator;
import io.logto.management.core.Page;
import io.logto.management.core.Pagination;
import io.logto.management.core.RequestOptions;
import io.logto.management.model.ListUsersParams;
import io.logto.management.model.Role;
import io.logto.management.model.User;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** The code of docs/pagination.md; {@code GuideExamplesTest} runs it against the emulator. */
final class PaginationExamples {
  private final LogtoManagement logto;
  private final List<String> exported = new ArrayList<>();

  PaginationExamples(LogtoManagement logto) {
    this.logto = logto;
  }

  List<Role> walks() {
    // snippet: pagination-walk
    for (var user : logto.users().listAll()) {                 // 100 per page, page by page
      export(user);
    }
    var appRoles = logto.roles().listAll().stream().filter(r -> r.name().startsWith("app:")).toList();

    for (Page<User> page : logto.users().listAll(ListUsersParams.builder().build(), Pagination.of(3, 50), RequestOptions.defaults()).pages()) {
      page.items(); page.page(); page.totalNumber(); page.totalCapped(); page.hasNext();
    }
    // end snippet
    return appRoles;
  }

  Optional<User> ahead() {
    // snippet: pagination-ahead
    logto.users().listAll().prefetch(2).forEach(this::export);   // up to 2 pages requested ahead, one at a time
    // up to 4 requests at once when the first page states the total (Total-Number, not capped)
    try (Stream<User> users = logto.users().listAll().parallel(4).stream()) {
      Optional<User> admin = users.filter(this::isAdmin).findFirst();  // closing cancels what is in flight
      admin.ifPresent(this::export);
    }
    try (CloseableIterator<User> it = logto.users().listAll().parallel(4).iterator()) {
      while (it.hasNext()) {
        export(it.next());
      }
    }
    // end snippet
    return logto.users().listAll().stream().filter(this::isAdmin).findFirst();
  }

  private boolean isAdmin(User user) {
    return "admin".equals(user.username());
  }

  private void export(User user) {
    exported.add(user.username());
  }

  List<String> exported() {
    return exported;
  }
}
