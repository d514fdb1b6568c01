/** The yearly scorecard of consultation work. */
@ApplicationModule(displayName = "考评", allowedDependencies = {"intake", "platforms", "rules", "sla", "system"})
package cn.shangliang.scorecard;

import org.springframework.modulith.ApplicationModule;
