package cn.shangliang.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.shangliang.ShangliangApplication;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * Without the demo profile: no demo user, the first administrator comes from configuration or the start fails, and
 * the role groups have their grants.
 */
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
    }
  }

  /** Issue #21: every role's group and every department's, with what Tasklist, Cockpit and deployment need. */
  @Test
  void theRoleGroups_andTheirGrants_exist_andASecondStartAddsNothing() {
    String[] args = args("--shangliang.admin.id=chief", "--shangliang.admin.password=s3cret-Passw0rd");
    long groups;
    long grants;
    try (var context = withoutDemo().run(args)) {
      IdentityService identity = context.getBean(IdentityService.class);
      AuthorizationService authorizations = context.getBean(AuthorizationService.class);
      assertThat(identity.createGroupQuery().list()).extracting("id").contains("intake", "member", "liaison-office", "convenor",
          "proposal-committee", "supervisor", "leadership", "process-designer", "admin", "dept-transport", "dept-water");
      assertThat(identity.createGroupQuery().groupId("dept-transport").singleResult().getName()).isEqualTo("交通运输局");
      for (String group : List.of("intake", "member", "convenor", "proposal-committee", "dept-transport")) {
        assertThat(can(authorizations, group, Permissions.ACCESS, Resources.APPLICATION, "tasklist")).as(group).isTrue();
        assertThat(can(authorizations, group, Permissions.READ, Resources.PROCESS_DEFINITION, "SixStepConsultationProcess"))
            .as(group).isTrue();
      }
      assertThat(can(authorizations, "intake", Permissions.CREATE_INSTANCE, Resources.PROCESS_DEFINITION,
          "SixStepConsultationProcess")).isTrue();
      assertThat(can(authorizations, "dept-transport", Permissions.CREATE_INSTANCE, Resources.PROCESS_DEFINITION,
          "SixStepConsultationProcess")).isFalse();
      assertThat(can(authorizations, "supervisor", Permissions.ACCESS, Resources.APPLICATION, "cockpit")).isTrue();
      assertThat(can(authorizations, "process-designer", Permissions.CREATE, Resources.DEPLOYMENT, "any")).isTrue();
      assertThat(can(authorizations, "process-designer", Permissions.ACCESS, Resources.APPLICATION, "tasklist")).isFalse();
      assertThat(can(authorizations, "process-designer", Permissions.READ, Resources.PROCESS_INSTANCE, "any")).isFalse();
      assertThat(identity.createUserQuery().list()).as("no demo users").extracting("id").containsExactly("chief");
      groups = identity.createGroupQuery().count();
      grants = authorizations.createAuthorizationQuery().count();
    }
    try (var again = withoutDemo().run(args)) {
      assertThat(again.getBean(IdentityService.class).createGroupQuery().count()).isEqualTo(groups);
      assertThat(again.getBean(AuthorizationService.class).createAuthorizationQuery().count()).isEqualTo(grants);
    }
  }

  static boolean can(AuthorizationService authorizations, String group, Permission permission, Resource resource, String id) {
    return authorizations.isUserAuthorized("someone", List.of(group), permission, resource, id);
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
