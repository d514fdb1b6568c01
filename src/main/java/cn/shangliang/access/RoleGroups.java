package cn.shangliang.access;

import cn.shangliang.organisation.Departments;
import cn.shangliang.organisation.Groups;
import cn.shangliang.rules.RulesService;
import cn.shangliang.system.StartupLock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The groups of DOMAIN.md §1 and one per department of {@code rules/departments.yaml}, with the Camunda grants each
 * needs, in every installation: an administrator only adds people to groups (docs/OPERATIONS.md). Idempotent and
 * run at every start under the start-up lock, so two nodes starting together create each group and grant once;
 * grants an administrator added by hand are kept, none is taken away. Before the demo data, which only adds users.
 */
@Component
@Order(5)
class RoleGroups implements ApplicationRunner {
  private static final Logger log = LoggerFactory.getLogger(RoleGroups.class);

  /** The roles' groups and their Chinese names, as Admin shows them. */
  static final Map<String, String> ROLES = new LinkedHashMap<>();
  static {
    ROLES.put(Groups.INTAKE, "联络员 / 社情民意驿站");
    ROLES.put(Groups.MEMBER, "政协委员");
    ROLES.put(Groups.LIAISON_OFFICE, "政协工委");
    ROLES.put(Groups.CONVENOR, "协商召集人");
    ROLES.put(Groups.PROPOSAL_COMMITTEE, "提案委员会");
    ROLES.put(Groups.SUPERVISOR, "督查督办");
    ROLES.put(Groups.LEADERSHIP, "政协领导");
    ROLES.put(Groups.ADMIN, "系统管理员");
  }

  /** Who starts 广泛征集知事 from Tasklist's "Start process" (the other processes are called, not started). */
  static final List<String> STARTERS = List.of(Groups.INTAKE, Groups.MEMBER, Groups.LIAISON_OFFICE);
  /** Who follows matters in Cockpit. */
  static final List<String> OVERSEERS = List.of(Groups.SUPERVISOR, Groups.LEADERSHIP, Groups.LIAISON_OFFICE);

  private final ProcessEngine engine;
  private final RulesService rules;
  private final StartupLock startupLock;

  RoleGroups(ProcessEngine engine, RulesService rules, StartupLock startupLock) {
    this.engine = engine;
    this.rules = rules;
    this.startupLock = startupLock;
  }

  @Override
  public void run(ApplicationArguments args) {
    Map<String, String> departments = rules.current().data(Departments.class).names();
    startupLock.run("role-groups", () -> ensure(engine.getIdentityService(), engine.getAuthorizationService(), departments));
  }

  /** The groups that see matters in Tasklist: the roles and the departments (not the designers). */
  static Map<String, String> taskGroups(Map<String, String> departments) {
    Map<String, String> groups = new LinkedHashMap<>(ROLES);
    departments.forEach((code, name) -> groups.put(Departments.groupOf(code), name));
    return groups;
  }

  static void ensure(IdentityService identity, AuthorizationService authorizations, Map<String, String> departments) {
    Map<String, String> groups = taskGroups(departments);
    groups.forEach((id, name) -> ensureGroup(identity, id, name));
    ensureGroup(identity, Groups.PROCESS_DESIGNER, "流程设计员");
    for (String group : groups.keySet()) {
      grant(authorizations, group, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
      grant(authorizations, group, Resources.PROCESS_DEFINITION, Authorization.ANY, Permissions.READ);
    }
    for (String group : STARTERS) {
      grant(authorizations, group, Resources.PROCESS_DEFINITION, "SixStepConsultationProcess", Permissions.CREATE_INSTANCE);
      grant(authorizations, group, Resources.PROCESS_INSTANCE, Authorization.ANY, Permissions.CREATE);
    }
    for (String group : OVERSEERS) {
      grant(authorizations, group, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
      grant(authorizations, group, Resources.PROCESS_DEFINITION, Authorization.ANY, Permissions.READ_INSTANCE);
      grant(authorizations, group, Resources.PROCESS_DEFINITION, Authorization.ANY, Permissions.READ_HISTORY);
      grant(authorizations, group, Resources.PROCESS_INSTANCE, Authorization.ANY, Permissions.READ);
    }
    designerRights(authorizations);
    log.info("Role groups and their grants ready: {} and {}", groups.keySet(), Groups.PROCESS_DESIGNER);
  }

  /**
   * 流程设计员 deploy models and read what is deployed, in the REST API and Cockpit; no Tasklist and no process
   * instance, so no matter is visible to them (the /api side is in SecurityConfig).
   */
  private static void designerRights(AuthorizationService authorizations) {
    String designer = Groups.PROCESS_DESIGNER;
    grant(authorizations, designer, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
    grant(authorizations, designer, Resources.DEPLOYMENT, Authorization.ANY, Permissions.CREATE);
    grant(authorizations, designer, Resources.DEPLOYMENT, Authorization.ANY, Permissions.READ);
    grant(authorizations, designer, Resources.PROCESS_DEFINITION, Authorization.ANY, Permissions.READ);
    grant(authorizations, designer, Resources.DECISION_DEFINITION, Authorization.ANY, Permissions.READ);
    grant(authorizations, designer, Resources.DECISION_REQUIREMENTS_DEFINITION, Authorization.ANY, Permissions.READ);
  }

  private static void ensureGroup(IdentityService identity, String id, String name) {
    if (identity.createGroupQuery().groupId(id).count() == 0) {
      Group group = identity.newGroup(id);
      group.setName(name);
      group.setType("WORKFLOW");
      identity.saveGroup(group);
    }
  }

  /** Adds the permission to the group's grant on the resource, creating the grant when there is none. */
  static void grant(AuthorizationService authorizations, String group, Resource resource, String resourceId,
      Permission permission) {
    Authorization existing = authorizations.createAuthorizationQuery().groupIdIn(group).resourceType(resource)
        .resourceId(resourceId).authorizationType(Authorization.AUTH_TYPE_GRANT).singleResult();
    if (existing == null) {
      Authorization authorization = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
      authorization.setGroupId(group);
      authorization.setResource(resource);
      authorization.setResourceId(resourceId);
      authorization.addPermission(permission);
      authorizations.saveAuthorization(authorization);
    } else if (!existing.isPermissionGranted(permission)) {
      existing.addPermission(permission);
      authorizations.saveAuthorization(existing);
    }
  }
}
