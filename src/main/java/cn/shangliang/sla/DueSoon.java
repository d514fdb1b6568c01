package cn.shangliang.sla;

import cn.shangliang.calendar.CalendarService;
import cn.shangliang.calendar.WorkingCalendar;
import java.time.Clock;
import java.util.Date;
import org.springframework.stereotype.Component;

/**
 * For the stored Tasklist filter 即将到期: {@code ${dueSoon.limit()}} is the end of the next working day
 * on the official calendar (so on 30 September 2026 a task due on 8 October is due soon).
 * A pure calculation: safe to call from a stored query expression.
 */
@Component("dueSoon")
public class DueSoon {
  private final CalendarService calendars;
  private final Clock clock;

  DueSoon(CalendarService calendars, Clock clock) {
    this.calendars = calendars;
    this.clock = clock;
  }

  public Date limit() {
    WorkingCalendar calendar = calendars.calendar();
    return Date.from(calendar.dueSoonLimit(clock.instant().atZone(calendar.zone()).toOffsetDateTime()).toInstant());
  }
}
