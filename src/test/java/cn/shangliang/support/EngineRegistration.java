package cn.shangliang.support;

import org.camunda.bpm.admin.Admin;
import org.camunda.bpm.admin.impl.DefaultAdminRuntimeDelegate;
import org.camunda.bpm.cockpit.Cockpit;
import org.camunda.bpm.cockpit.impl.DefaultCockpitRuntimeDelegate;
import org.camunda.bpm.tasklist.Tasklist;
import org.camunda.bpm.tasklist.impl.DefaultTasklistRuntimeDelegate;
import org.camunda.bpm.welcome.Welcome;
import org.camunda.bpm.welcome.impl.DefaultWelcomeRuntimeDelegate;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.support.AbstractTestExecutionListener;

/**
 * Camunda's REST API and webapps find the engine by name in a JVM-wide registry. Tests start several
 * applications in one JVM (cached contexts, start-up tests), each registering and unregistering its
 * engine "default"; before each test this puts the test's own engine back, so /engine-rest talks to it.
 */
public class EngineRegistration extends AbstractTestExecutionListener {
  @Override
  public void beforeTestMethod(TestContext testContext) {
    ProcessEngines.registerProcessEngine(testContext.getApplicationContext().getBean(ProcessEngine.class));
    restoreWebappDelegates();
  }

  /**
   * The webapps (Tasklist, Cockpit, Admin, Welcome) keep their runtime delegates in JVM-wide statics, which
   * every application's shutdown sets to null: after a start-up test closed its application, the cached one's
   * Tasklist answered 500. They are put back as each webapp's bootstrap makes them at start.
   */
  private static void restoreWebappDelegates() {
    if (Cockpit.getRuntimeDelegate() == null) Cockpit.setCockpitRuntimeDelegate(new DefaultCockpitRuntimeDelegate());
    if (Admin.getRuntimeDelegate() == null) Admin.setAdminRuntimeDelegate(new DefaultAdminRuntimeDelegate());
    if (Tasklist.getRuntimeDelegate() == null) Tasklist.setTasklistRuntimeDelegate(new DefaultTasklistRuntimeDelegate());
    if (Welcome.getRuntimeDelegate() == null) Welcome.setRuntimeDelegate(new DefaultWelcomeRuntimeDelegate());
  }
}
