/** Roles (Camunda groups) and departments: who may do what, and for which department. */
@ApplicationModule(displayName = "组织与角色", allowedDependencies = {})
package cn.shangliang.organisation;

import org.springframework.modulith.ApplicationModule;
