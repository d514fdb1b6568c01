package cn.shangliang.calendar;

import java.util.function.Supplier;
import org.camunda.bpm.engine.impl.calendar.CycleBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.DueDateBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.DurationBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.MapBusinessCalendarManager;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * One definition of a working day: the engine's due dates and timers written as "5WD" use the calendar in rules/.
 * The Camunda starter applies every ProcessEnginePlugin bean, so the calendar brings its own.
 */
@Component
class CalendarEnginePlugin extends AbstractProcessEnginePlugin {
  private final CalendarService calendars;

  CalendarEnginePlugin(@Lazy CalendarService calendars) {
    this.calendars = calendars;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    MapBusinessCalendarManager manager = new MapBusinessCalendarManager();
    manager.addBusinessCalendar(DueDateBusinessCalendar.NAME,
        new WorkingDayBusinessCalendar(new DueDateBusinessCalendar(), calendarsSupplier()));
    manager.addBusinessCalendar(DurationBusinessCalendar.NAME,
        new WorkingDayBusinessCalendar(new DurationBusinessCalendar(), calendarsSupplier()));
    manager.addBusinessCalendar(CycleBusinessCalendar.NAME, new CycleBusinessCalendar());
    configuration.setBusinessCalendarManager(manager);
  }

  private Supplier<WorkingCalendar> calendarsSupplier() {
    return calendars::calendar;
  }
}
