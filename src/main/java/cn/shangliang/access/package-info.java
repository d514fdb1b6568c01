/** The role groups of every installation and the Camunda grants each role needs (demo or production). */
@ApplicationModule(displayName = "角色与授权", allowedDependencies = {"organisation", "rules", "system"})
package cn.shangliang.access;

import org.springframework.modulith.ApplicationModule;
