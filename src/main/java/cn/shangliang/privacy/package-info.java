/** Masking personal data before anything is shown in public. */
@ApplicationModule(displayName = "个人信息保护", allowedDependencies = {})
package cn.shangliang.privacy;

import org.springframework.modulith.ApplicationModule;
