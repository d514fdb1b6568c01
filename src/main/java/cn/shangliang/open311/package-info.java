/** Open311 GeoReport v2. */
@ApplicationModule(displayName = "Open311 接口",
    allowedDependencies = {"intake", "organisation", "privacy", "routing", "rules", "system"})
package cn.shangliang.open311;

import org.springframework.modulith.ApplicationModule;
