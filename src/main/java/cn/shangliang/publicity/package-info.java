/** Public notices, objections, satisfaction evaluations and the public pages. */
@ApplicationModule(displayName = "公示评价",
    allowedDependencies = {
        "forms", "intake", "notifications", "organisation", "privacy", "routing", "rules", "sla", "system"})
package cn.shangliang.publicity;

import org.springframework.modulith.ApplicationModule;
