package com.example.consumer;

import io.logto.management.LogtoManagement;
import io.logto.management.model.CreateUserRequest;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.stereotype.Service;

@SpringBootApplication
public class ConsumerApplication {
  public static void main(String[] args) {
    SpringApplication.run(ConsumerApplication.class, args);
  }

  @Service
  public static class SignUp {
    private final LogtoManagement logto;

    public SignUp(LogtoManagement logto) {
      this.logto = logto;
    }

    public String signUp(String username) {
      return logto.users().create(CreateUserRequest.builder().username(username).build()).id();
    }
  }
}
