package io.logto.management.examples.signup;

import io.logto.management.LogtoManagement;
import io.logto.management.model.CreateUserRequest;
import org.springframework.stereotype.Service;

// snippet: spring-boot-inject
@Service
class SignUp {
  private final LogtoManagement logto;

  SignUp(LogtoManagement logto) {
    this.logto = logto;
  }

  String signUp(String username) {
    return logto.users().create(CreateUserRequest.builder().username(username).build()).id();
  }
}
// end snippet
