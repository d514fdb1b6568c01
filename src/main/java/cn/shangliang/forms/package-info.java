/** Reading and checking the variables that Camunda forms submit. */
@ApplicationModule(displayName = "表单", allowedDependencies = {})
package cn.shangliang.forms;

import org.springframework.modulith.ApplicationModule;
