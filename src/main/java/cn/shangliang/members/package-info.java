/** Members' activity by month. */
@ApplicationModule(displayName = "委员履职", allowedDependencies = {"organisation", "system"})
package cn.shangliang.members;

import org.springframework.modulith.ApplicationModule;
