package cn.shangliang.sla;

import cn.shangliang.calendar.WorkingCalendar;
import java.time.Instant;
import java.time.Period;

/**
 * How a due date was counted, so that a new calendar can count it again from the same start with the same
 * rule (issue #20): either {@code workingDays} working days from {@code from} (department replies), or a
 * {@code period} of calendar months or days from {@code from}, moved off a non-working day (proposal replies).
 */
public record DeadlineBasis(Instant from, Integer workingDays, Period period) {

  public DeadlineBasis {
    if ((workingDays == null) == (period == null)) {
      throw new IllegalArgumentException("a deadline is counted either in working days or as a period");
    }
  }

  public DeadlineBasis(Instant from, int workingDays) {
    this(from, workingDays, null);
  }

  public static DeadlineBasis period(Instant from, Period period) {
    return new DeadlineBasis(from, null, period);
  }

  /** The due date this basis gives on {@code calendar}. */
  public Instant count(WorkingCalendar calendar) {
    return workingDays != null
        ? calendar.addWorkingDays(from.atZone(calendar.zone()).toOffsetDateTime(), workingDays).toInstant()
        : calendar.periodDeadline(from, period);
  }
}
