/** Reply clocks, breaches and supervision. */
@ApplicationModule(displayName = "答复时限与督办", allowedDependencies = {"calendar", "organisation", "rules", "system"})
package cn.shangliang.sla;

import org.springframework.modulith.ApplicationModule;
