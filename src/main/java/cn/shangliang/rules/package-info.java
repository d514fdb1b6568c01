/** The rule base in rules/: loading, versions, reloads. */
@ApplicationModule(displayName = "规则库", allowedDependencies = {"system"})
package cn.shangliang.rules;

import org.springframework.modulith.ApplicationModule;
