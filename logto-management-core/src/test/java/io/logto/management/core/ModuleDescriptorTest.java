package io.logto.management.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** Only the public packages (the types users touch and the client) are exported to everyone; internals only to the generated API (codecs also to Jackson). */
final class ModuleDescriptorTest {
  @Test
  void exportsOnlyThePublicPackages() throws IOException {
    Path descriptor = Path.of("target", "classes", "module-info.class");
    Assumptions.assumeTrue(Files.exists(descriptor), "module-info.class not found: run from the module folder");
    ModuleDescriptor module;
    try (InputStream in = Files.newInputStream(descriptor)) {
      module = ModuleDescriptor.read(in);
    }

    assertThat(module.name()).isEqualTo("io.logto.management.core");
    assertThat(module.exports()).filteredOn(export -> !export.isQualified())
        .extracting(ModuleDescriptor.Exports::source)
        .containsExactlyInAnyOrder("io.logto.management.core", "io.logto.management.core.client");
    assertThat(module.exports()).filteredOn(ModuleDescriptor.Exports::isQualified)
        .allSatisfy(export -> {
          assertThat(export.source()).startsWith("io.logto.management.core.internal.");
          if (export.source().equals("io.logto.management.core.internal.codec")) {
            // codecs named in the generated model's annotations: Jackson instantiates them
            assertThat(export.targets()).containsExactlyInAnyOrder("io.logto.management", "com.fasterxml.jackson.databind");
          } else {
            assertThat(export.targets()).containsExactly("io.logto.management");
          }
        });
    Set<String> transitive = module.requires().stream()
        .filter(requires -> requires.modifiers().contains(ModuleDescriptor.Requires.Modifier.TRANSITIVE))
        .map(ModuleDescriptor.Requires::name).collect(Collectors.toSet());
    assertThat(transitive).contains("com.fasterxml.jackson.databind", "java.net.http", "org.slf4j");
  }
}
