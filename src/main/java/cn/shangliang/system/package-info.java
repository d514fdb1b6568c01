/** The platform floor: security, errors, engine set-up, records, China time. */
@ApplicationModule(displayName = "平台", allowedDependencies = {"organisation"})
package cn.shangliang.system;

import org.springframework.modulith.ApplicationModule;
