package cn.shangliang.calendar;

import java.time.OffsetDateTime;
import java.util.Date;
import java.util.OptionalInt;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.impl.calendar.BusinessCalendar;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;

/**
 * Camunda's business calendar on the official working-day calendar: a due date or timer written as
 * {@code 5WD} (or {@code P5WD}) means "5 working days", ending at close of business of the 5th working
 * day. Anything else (ISO dates, ISO durations, cycles) goes to Camunda's own calendar.
 */
public final class WorkingDayBusinessCalendar implements BusinessCalendar {
  private static final Pattern WORKING_DAYS = Pattern.compile("(?i)^\\s*P?(\\d{1,4})\\s*WD\\s*$");

  private final BusinessCalendar fallback;
  private final Supplier<WorkingCalendar> calendar;

  public WorkingDayBusinessCalendar(BusinessCalendar fallback, Supplier<WorkingCalendar> calendar) {
    this.fallback = fallback;
    this.calendar = calendar;
  }

  /** N for a due date written {@code NWD} or {@code PNWD}; empty for anything else (an expression, an ISO date). */
  public static OptionalInt workingDays(String duedateDescription) {
    Matcher matcher = duedateDescription == null ? null : WORKING_DAYS.matcher(duedateDescription);
    return matcher != null && matcher.matches() ? OptionalInt.of(Integer.parseInt(matcher.group(1)))
        : OptionalInt.empty();
  }

  @Override
  public Date resolveDuedate(String duedateDescription) {
    return resolveDuedate(duedateDescription, (Date) null);
  }

  @Override
  public Date resolveDuedate(String duedateDescription, Date startDate) {
    Matcher matcher = duedateDescription == null ? null : WORKING_DAYS.matcher(duedateDescription);
    if (matcher == null || !matcher.matches()) {
      return startDate == null ? fallback.resolveDuedate(duedateDescription) : fallback.resolveDuedate(duedateDescription, startDate);
    }
    Date start = startDate != null ? startDate : ClockUtil.getCurrentTime();
    WorkingCalendar working = calendar.get();
    OffsetDateTime from = start.toInstant().atZone(working.zone()).toOffsetDateTime();
    return Date.from(working.addWorkingDays(from, Integer.parseInt(matcher.group(1))).toInstant());
  }

  @Override
  public Date resolveDuedate(String duedateDescription, Task task) {
    return resolveDuedate(duedateDescription, task == null ? null : task.getCreateTime());
  }
}
