/** The consultation platforms (协商议事室) and their records. */
@ApplicationModule(displayName = "协商平台", allowedDependencies = {"organisation", "system"})
package cn.shangliang.platforms;

import org.springframework.modulith.ApplicationModule;
