package cn.shangliang.system;

import cn.shangliang.sla.CalendarService;
import cn.shangliang.sla.WorkingCalendar;
import cn.shangliang.sla.WorkingDayBusinessCalendar;
import java.util.function.Supplier;
import org.camunda.bpm.engine.impl.calendar.CycleBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.DueDateBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.DurationBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.MapBusinessCalendarManager;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.GenericManagerFactory;
import org.camunda.bpm.engine.repository.Deployment;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/**
 * What the engine gets beyond application.yaml: the official working-day calendar, the admin-group guard, and no
 * owner's DELETE on a deployment.
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

  @Bean
  AbstractProcessEnginePlugin shangliangEnginePlugin(@Lazy CalendarService calendars) {
    return new AbstractProcessEnginePlugin() {
      @Override
      public void preInit(ProcessEngineConfigurationImpl configuration) {
        // One definition of a working day: due dates and timers written as "5WD" use the calendar in rules/.
        MapBusinessCalendarManager manager = new MapBusinessCalendarManager();
        manager.addBusinessCalendar(DueDateBusinessCalendar.NAME,
            new WorkingDayBusinessCalendar(new DueDateBusinessCalendar(), calendarsSupplier()));
        manager.addBusinessCalendar(DurationBusinessCalendar.NAME,
            new WorkingDayBusinessCalendar(new DurationBusinessCalendar(), calendarsSupplier()));
        manager.addBusinessCalendar(CycleBusinessCalendar.NAME, new CycleBusinessCalendar());
        configuration.setBusinessCalendarManager(manager);

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

      private Supplier<WorkingCalendar> calendarsSupplier() {
        return calendars::calendar;
      }
    };
  }
}
