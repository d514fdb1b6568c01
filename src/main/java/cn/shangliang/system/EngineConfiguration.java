package cn.shangliang.system;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.GenericManagerFactory;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What the engine gets beyond application.yaml: the admin-group guard and user-input error mapping. */
@Configuration(proxyBeanMethods = false)
class EngineConfiguration {

  /**
   * /engine-rest answers refused form input with 400 (see UserInputExceptionMapper); the webapps' own engine API
   * gets the same mappers through {@link UserInputExceptionMapper.InEveryJerseyApplication}.
   */
  @Bean
  ResourceConfigCustomizer userInputErrors() {
    return config -> config.register(UserInputExceptionMapper.ForEngine.class).register(UserInputExceptionMapper.ForRest.class)
        .register(UserInputExceptionMapper.ForNullPointer.class);
  }

  /** The calendar brings its own plugin (calendar.CalendarEnginePlugin); this one guards the admin group. */
  @Bean
  AbstractProcessEnginePlugin shangliangEnginePlugin() {
    return new AbstractProcessEnginePlugin() {
      @Override
      public void preInit(ProcessEngineConfigurationImpl configuration) {
        // The same provider serves reading and writing identities (Camunda registers it for both).
        configuration.setIdentityProviderSessionFactory(new GenericManagerFactory(AdminGroupGuardIdentityProvider.class));
      }
    };
  }
}
