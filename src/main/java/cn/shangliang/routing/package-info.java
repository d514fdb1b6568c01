/** Routing rules: where a demand goes and by when. */
@ApplicationModule(displayName = "分流", allowedDependencies = {"calendar", "organisation", "rules"})
package cn.shangliang.routing;

import org.springframework.modulith.ApplicationModule;
