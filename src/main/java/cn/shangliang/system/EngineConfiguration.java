package cn.shangliang.system;

import cn.shangliang.calendar.CalendarService;
import cn.shangliang.calendar.WorkingCalendar;
import cn.shangliang.calendar.WorkingDayBusinessCalendar;
import java.util.function.Supplier;
import org.camunda.bpm.engine.impl.calendar.CycleBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.DueDateBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.DurationBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.MapBusinessCalendarManager;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.GenericManagerFactory;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/** What the engine gets beyond application.yaml: the official working-day calendar and the admin-group guard. */
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

        // The same provider serves reading and writing identities (Camunda registers it for both).
        configuration.setIdentityProviderSessionFactory(new GenericManagerFactory(AdminGroupGuardIdentityProvider.class));
      }

      private Supplier<WorkingCalendar> calendarsSupplier() {
        return calendars::calendar;
      }
    };
  }
}
