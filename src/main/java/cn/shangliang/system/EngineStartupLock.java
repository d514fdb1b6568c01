package cn.shangliang.system;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Camunda creates or checks its schema, history level and installation id while the engine is built,
 * without a lock of its own: two nodes starting together on an empty database would both create the
 * tables and one would fail. The build — from the engine's configuration to the built engine — runs
 * under the start-up lock, so the second node waits and finds the schema in place.
 */
@Component
class EngineStartupLock extends AbstractProcessEnginePlugin {
  private final StartupLock startupLock;
  private StartupLock.Held held;

  EngineStartupLock(StartupLock startupLock) {
    this.startupLock = startupLock;
  }

  @Override
  public synchronized void preInit(ProcessEngineConfigurationImpl configuration) {
    if (held == null) held = startupLock.hold("engine");
  }

  @Override
  public synchronized void postProcessEngineBuild(ProcessEngine processEngine) {
    if (held != null) {
      held.close();
      held = null;
    }
  }
}
