/** Demo users and matters. */
@ApplicationModule(displayName = "演示数据",
    allowedDependencies = {"consultation", "intake", "organisation", "platforms", "routing", "rules", "system"})
package cn.shangliang.demo;

import org.springframework.modulith.ApplicationModule;
