package cn.shangliang.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.shangliang.ShangliangApplication;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** Without the demo profile: no demo user, the first administrator comes from configuration or the start fails. */
@Tag("h2-only")
class AdminBootstrapTest {

  static SpringApplicationBuilder withoutDemo() {
    return new SpringApplicationBuilder(ShangliangApplication.class).profiles("test");
  }

  /** A database of its own, and only the test profile (the command line outranks surefire's test,demo). */
  static String[] args(String... more) {
    java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("--spring.profiles.active=test", "--server.port=0",
        "--spring.datasource.url=jdbc:h2:mem:nodemo-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1"));
    args.addAll(java.util.List.of(more));
    return args.toArray(String[]::new);
  }

  @Test
  void theFirstAdministrator_comesFromConfiguration_andNoDemoUserExists() {
    try (var context = withoutDemo().run(args("--shangliang.admin.id=chief",
        "--shangliang.admin.password=s3cret-Passw0rd"))) {
      IdentityService identity = context.getBean(IdentityService.class);
      assertThat(identity.createUserQuery().list()).extracting("id").containsExactly("chief");
      assertThat(identity.createUserQuery().memberOfGroup("camunda-admin").singleResult().getId()).isEqualTo("chief");
      assertThat(identity.checkPassword("chief", "s3cret-Passw0rd")).isTrue();
      assertThat(identity.createGroupQuery().groupId("intake").count()).as("no demo groups").isZero();
    }
  }

  @Test
  void withoutAnAdministratorPassword_theApplicationRefusesToStart() {
    assertThatThrownBy(() -> {
      try (var context = withoutDemo().run(args("--shangliang.admin.password="))) {
        // not reached
      }
    }).rootCause().hasMessageContaining("SHANGLIANG_ADMIN_PASSWORD");
  }
}
