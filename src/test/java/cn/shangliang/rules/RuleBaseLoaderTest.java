package cn.shangliang.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.shangliang.ShangliangApplication;
import cn.shangliang.routing.RoutingRules;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** A broken rule or rule data file is refused with messages naming file and line; at start-up it stops the start. */
class RuleBaseLoaderTest {
  @TempDir Path rules;

  /** A copy of {@code rules/} in a new temporary folder, for a context that changes its rules. */
  static Path temporaryCopy(String prefix) {
    try {
      Path folder = Files.createTempDirectory(prefix);
      copyRules(folder);
      return folder;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void delete(Path folder) throws IOException {
    try (Stream<Path> walk = Files.walk(folder)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  static void copyRules(Path target) throws IOException {
    Path source = Path.of("rules");
    try (Stream<Path> walk = Files.walk(source)) {
      for (Path path : walk.toList()) {
        Path to = target.resolve(source.relativize(path).toString());
        if (Files.isDirectory(path)) Files.createDirectories(to);
        else Files.copy(path, to);
      }
    }
  }

  @Test
  void theRealRules_compile_withAChecksumPerFile() throws IOException {
    copyRules(rules);
    RuleBase base = RoutingRules.load(rules);
    assertThat(base.files()).extracting(RuleBase.RuleFile::path)
        .contains("routing/routing.drl", "routing/routing-policy.yaml", "calendar/2026.yaml", "departments.yaml");
    assertThat(base.checksum()).hasSize(64);
    assertThat(RoutingRules.load(rules).checksum()).as("same files, same checksum").isEqualTo(base.checksum());
  }

  @Test
  void aBrokenDrl_isRefusedWithFileAndLine() throws IOException {
    copyRules(rules);
    Files.writeString(rules.resolve("routing/broken.drl"), """
        package routing;

        rule "BROKEN"
        when
            RoutingFacts( urgency == )
        then
        end
        """);
    assertThatThrownBy(() -> RoutingRules.load(rules))
        .isInstanceOf(RuleCompilationException.class)
        .hasMessageContaining("routing/broken.drl:");
  }

  @Test
  void brokenRuleData_isRefusedNamingTheFile() throws IOException {
    copyRules(rules);
    Files.writeString(rules.resolve("routing/routing-policy.yaml"),
        Files.readString(rules.resolve("routing/routing-policy.yaml")).replace("TRANSPORT: transport", "TRANSPORT: ministry"));
    assertThatThrownBy(() -> RoutingRules.load(rules)).hasMessageContaining("routing/routing-policy.yaml")
        .hasMessageContaining("unknown department ministry");
    Files.writeString(rules.resolve("calendar/2027.yaml"), "year: 2027\nholidays: [ { name: x, from: 2027-13-01, to: 2027-01-02 } ]\n");
    assertThatThrownBy(() -> RoutingRules.load(rules)).hasMessageContaining("calendar/2027.yaml");
  }

  @Test
  void aBrokenDrlInRules_stopsTheApplicationsStart() throws IOException {
    copyRules(rules);
    Files.writeString(rules.resolve("routing/routing.drl"),
        Files.readString(rules.resolve("routing/routing.drl")).replace("salience 100", "salience 100\n    oops"));
    SpringApplicationBuilder app = new SpringApplicationBuilder(ShangliangApplication.class).profiles("test", "demo");
    assertThatThrownBy(() -> {
      try (var started = app.run("--shangliang.rules-dir=" + rules, "--server.port=0",
          "--spring.datasource.url=jdbc:h2:mem:broken-start;DB_CLOSE_DELAY=-1",
          "--spring.datasource.driver-class-name=org.h2.Driver")) {
        // not reached: the start must fail
      }
    }).rootCause().isInstanceOf(RuleCompilationException.class).hasMessageContaining("routing/routing.drl:");
  }
}
