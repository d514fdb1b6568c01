package cn.shangliang.system;

import cn.shangliang.organisation.Groups;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

/**
 * {@code camunda-admin} exists with every permission and has at least one member: the configured
 * administrator is created when the group is empty (CVE-2026-77226: an empty group is what re-opens
 * the Admin app's first-run setup). Outside the demo profile a password must be configured.
 */
@Component
class AdminBootstrap implements InitializingBean {
  private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

  private final ProcessEngine engine;
  private final ShangliangProperties properties;
  private final StartupLock startupLock;

  AdminBootstrap(ProcessEngine engine, ShangliangProperties properties, StartupLock startupLock) {
    this.engine = engine;
    this.properties = properties;
    this.startupLock = startupLock;
  }

  @Override
  public void afterPropertiesSet() {
    startupLock.run("admin", this::ensureAdministrator);
  }

  private void ensureAdministrator() {
    IdentityService identity = engine.getIdentityService();
    AuthorizationService authorizations = engine.getAuthorizationService();
    ensureGroup(identity, Groups.CAMUNDA_ADMIN, "系统管理员（Camunda）", "SYSTEM");
    ensureGroup(identity, Groups.ADMIN, "系统管理员", "WORKFLOW");
    for (Resource resource : Resources.values()) {
      if (authorizations.createAuthorizationQuery().groupIdIn(Groups.CAMUNDA_ADMIN).resourceType(resource)
          .resourceId(Authorization.ANY).count() == 0) {
        Authorization all = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        all.setGroupId(Groups.CAMUNDA_ADMIN);
        all.setResource(resource);
        all.setResourceId(Authorization.ANY);
        all.addPermission(Permissions.ALL);
        authorizations.saveAuthorization(all);
      }
    }
    if (identity.createUserQuery().memberOfGroup(Groups.CAMUNDA_ADMIN).count() > 0) {
      return;
    }
    String id = properties.admin().id();
    String password = properties.admin().password();
    if (password == null || password.isBlank()) {
      throw new IllegalStateException("No administrator exists and none is configured: set SHANGLIANG_ADMIN_USER and "
          + "SHANGLIANG_ADMIN_PASSWORD (or run with the demo profile)");
    }
    if (identity.createUserQuery().userId(id).count() == 0) {
      User user = identity.newUser(id);
      user.setFirstName("系统");
      user.setLastName("管理员");
      user.setPassword(password);
      identity.saveUser(user);
    }
    identity.createMembership(id, Groups.CAMUNDA_ADMIN);
    if (identity.createUserQuery().userId(id).memberOfGroup(Groups.ADMIN).count() == 0) {
      identity.createMembership(id, Groups.ADMIN);
    }
    log.info("Created administrator {} (camunda-admin was empty)", id);
  }

  static void ensureGroup(IdentityService identity, String id, String name, String type) {
    if (identity.createGroupQuery().groupId(id).count() == 0) {
      Group group = identity.newGroup(id);
      group.setName(name);
      group.setType(type);
      identity.saveGroup(group);
    }
  }
}
