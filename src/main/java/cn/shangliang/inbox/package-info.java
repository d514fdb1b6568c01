/** Task cards, filters and task ownership. */
@ApplicationModule(displayName = "待办",
    allowedDependencies = {"calendar", "forms", "intake", "notifications", "organisation", "rules", "system"})
package cn.shangliang.inbox;

import org.springframework.modulith.ApplicationModule;
