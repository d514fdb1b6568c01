/** Departments' handling and replies, co-handling, reply clocks' listeners. */
@ApplicationModule(displayName = "部门办理",
    allowedDependencies = {
        "calendar", "forms", "intake", "notifications", "organisation", "routing", "rules", "sla", "system"})
package cn.shangliang.handling;

import org.springframework.modulith.ApplicationModule;
