package cn.shangliang;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fixture.modules.FixtureApplication;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.core.Violations;

/**
 * The packages under cn.shangliang are application modules (issue #21): each says in its package-info.java which
 * modules it may use, and Spring Modulith checks the code against that, and that no modules depend on each other in
 * a circle. docs/DEPENDENCIES.md "Modules" shows the map.
 */
@Tag("no-database")
class ModulesTest {
  private static final ApplicationModules MODULES = ApplicationModules.of(ShangliangApplication.class);

  @Test
  void everyModuleDependsOnlyOnWhatItDeclaresAndNoneInACircle() {
    MODULES.verify();
  }

  /** A package without its declaration would be open: allowed to depend on every other module. */
  @Test
  void everyModuleDeclaresItsAllowedDependencies() throws ClassNotFoundException {
    assertThat(MODULES.stream().count()).isGreaterThanOrEqualTo(20);
    for (org.springframework.modulith.core.ApplicationModule module : MODULES) {
      ApplicationModule declared = Class.forName(module.getBasePackage().getName() + ".package-info")
          .getAnnotation(ApplicationModule.class);
      assertThat(declared).as(module.getName() + "/package-info.java: @ApplicationModule").isNotNull();
      assertThat(declared.allowedDependencies()).as(module.getName() + ": allowedDependencies")
          .doesNotContain(ApplicationModule.OPEN_TOKEN);
    }
  }

  /**
   * The same check bites: in test-only fixture modules, fixture.modules.base uses fixture.modules.other although it
   * declares no dependencies, while feature uses base as declared. Only the planted dependency is reported.
   */
  @Test
  void aForbiddenDependencyFailsTheCheck() {
    ApplicationModules fixture = ApplicationModules.of(FixtureApplication.class, location -> true);

    Violations violations = fixture.detectViolations();

    assertThat(violations.getMessages()).singleElement().asString()
        .contains("fixture.modules.base.Base", "fixture.modules.other.Other").doesNotContain("Feature");
    assertThatThrownBy(fixture::verify).isInstanceOf(Violations.class);
  }
}
