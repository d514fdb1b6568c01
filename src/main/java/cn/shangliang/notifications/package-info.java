/** Notices to people: in-app, e-mail and SMS. */
@ApplicationModule(displayName = "通知", allowedDependencies = {"organisation", "system"})
package cn.shangliang.notifications;

import org.springframework.modulith.ApplicationModule;
