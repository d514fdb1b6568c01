package cn.shangliang.system;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.GenericManagerFactory;
import org.camunda.bpm.engine.repository.Deployment;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What the engine gets beyond application.yaml: the admin-group guard, user-input error mapping, the task context on
 * every deployed form, and no owner's DELETE on a deployment. (The working-day calendar: calendar.CalendarEnginePlugin.)
 */
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
        // Every form deployed (ours, or a designer's from Modeler) shows the task's context at its top.
        FormContext.register(configuration);

        // The same provider serves reading and writing identities (Camunda registers it for both).
        configuration.setIdentityProviderSessionFactory(new GenericManagerFactory(AdminGroupGuardIdentityProvider.class));

        // Camunda gives whoever deploys READ and DELETE on the deployment; deleting one with cascade deletes the
        // matters running on it, so a designer (DEPLOYMENT CREATE) must not get DELETE that way. Administrators
        // delete deployments through their group's grants.
        configuration.setResourceAuthorizationProvider(new DefaultAuthorizationProvider() {
          @Override
          public AuthorizationEntity[] newDeployment(Deployment deployment) {
            return null;
          }
        });
      }
    };
  }
}
