/** Registering demands and their routing records; hands each new demand to MatterProcess. */
@ApplicationModule(displayName = "诉求受理",
    allowedDependencies = {"calendar", "notifications", "organisation", "routing", "rules", "system"})
package cn.shangliang.intake;

import org.springframework.modulith.ApplicationModule;
