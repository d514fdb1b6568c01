/** The six-step consultation process; implements intake.MatterProcess. */
@ApplicationModule(displayName = "六步协商",
    allowedDependencies = {
        "calendar", "forms", "intake", "notifications", "organisation", "platforms", "privacy", "routing",
        "rules", "system"})
package cn.shangliang.consultation;

import org.springframework.modulith.ApplicationModule;
