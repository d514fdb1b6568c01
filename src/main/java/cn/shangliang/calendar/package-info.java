/** The official working-day calendar and the deadline arithmetic. */
@ApplicationModule(displayName = "工作日历", allowedDependencies = {"rules", "system"})
package cn.shangliang.calendar;

import org.springframework.modulith.ApplicationModule;
