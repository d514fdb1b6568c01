/** Proposals, key supervision and follow-up reviews. */
@ApplicationModule(displayName = "提案",
    allowedDependencies = {
        "calendar", "forms", "intake", "notifications", "organisation", "routing", "rules", "sla", "system"})
package cn.shangliang.proposal;

import org.springframework.modulith.ApplicationModule;
