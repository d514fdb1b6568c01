package cn.shangliang.support;

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
  }
}
