package cn.shangliang.routing;

import cn.shangliang.calendar.WorkingCalendar;
import java.time.OffsetDateTime;

/**
 * How a rule's deadline is counted: working days, calendar hours, or the end of the same day; {@code actAtOnce}
 * when the department acts before anyone investigates (特急: 先由部门处置).
 */
public record DeadlineRule(Integer workingDays, Integer hours, Boolean endOfDay, Boolean actAtOnce) {
  public DeadlineRule(Integer workingDays, Integer hours, Boolean endOfDay) {
    this(workingDays, hours, endOfDay, null);
  }

  public DeadlineRule {
    int given = (workingDays != null ? 1 : 0) + (hours != null ? 1 : 0) + (Boolean.TRUE.equals(endOfDay) ? 1 : 0);
    if (given != 1) throw new IllegalArgumentException("a deadline is exactly one of workingDays, hours or endOfDay: true");
    if (workingDays != null && workingDays < 0 || hours != null && hours < 0) {
      throw new IllegalArgumentException("a deadline must not be negative");
    }
  }

  public boolean acting() {
    return Boolean.TRUE.equals(actAtOnce);
  }

  public OffsetDateTime from(OffsetDateTime at, WorkingCalendar calendar) {
    if (workingDays != null) return calendar.addWorkingDays(at, workingDays);
    if (hours != null) return calendar.addHours(at, hours);
    return calendar.endOfDay(at);
  }
}
