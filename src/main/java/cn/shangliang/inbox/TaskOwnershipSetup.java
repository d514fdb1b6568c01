package cn.shangliang.inbox;

import cn.shangliang.intake.DemandQueries;
import cn.shangliang.intake.DemandRecords;
import cn.shangliang.system.StartupLock;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/**
 * {@link TaskOwnership} in the engine, and Camunda's side of it: the liaison office, leadership and admin may
 * assign any task (TASK_ASSIGN on every task, in every profile) — without reading more tasks than before.
 */
@Configuration(proxyBeanMethods = false)
class TaskOwnershipSetup {

  @Bean
  AbstractProcessEnginePlugin taskOwnershipPlugin(@Lazy DemandQueries demands, @Lazy DemandRecords records) {
    return TaskOwnership.plugin(new TaskOwnership(demands, records));
  }

  @Bean
  ApplicationRunner reassignersMayAssignTasks(AuthorizationService authorizations, StartupLock startupLock) {
    return args -> startupLock.run("task-reassigners", () -> {
      for (String group : TaskOwnership.REASSIGNERS) {
        // one grant per group and resource (Camunda's unique key): add the permission to an existing one
        Authorization grant = authorizations.createAuthorizationQuery().authorizationType(Authorization.AUTH_TYPE_GRANT)
            .groupIdIn(group).resourceType(Resources.TASK).resourceId(Authorization.ANY).singleResult();
        if (grant == null) {
          grant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
          grant.setGroupId(group);
          grant.setResource(Resources.TASK);
          grant.setResourceId(Authorization.ANY);
        } else if (grant.isPermissionGranted(TaskPermissions.TASK_ASSIGN)) {
          continue;
        }
        grant.addPermission(TaskPermissions.TASK_ASSIGN);
        authorizations.saveAuthorization(grant);
      }
    });
  }
}
