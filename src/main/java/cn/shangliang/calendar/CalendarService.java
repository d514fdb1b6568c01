package cn.shangliang.calendar;

import cn.shangliang.rules.RulesService;
import org.springframework.stereotype.Service;

/** The working-day calendar in force (it changes only when {@code rules/} is reloaded). */
@Service
public class CalendarService {
  private final RulesService rules;

  public CalendarService(RulesService rules) {
    this.rules = rules;
  }

  public WorkingCalendar calendar() {
    return rules.current().data(WorkingCalendar.class);
  }
}
