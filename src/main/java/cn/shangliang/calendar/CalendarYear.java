package cn.shangliang.calendar;

import java.time.LocalDate;
import java.util.Set;

/**
 * One year of the working calendar: statutory days off and make-up working days (调休上班). Published
 * when it comes from the year's State Council notice; provisional when counted from the law alone.
 */
public record CalendarYear(int year, String source, Set<LocalDate> holidays, Set<LocalDate> makeUpWorkdays,
    boolean provisional) {
  public CalendarYear {
    holidays = Set.copyOf(holidays);
    makeUpWorkdays = Set.copyOf(makeUpWorkdays);
    for (LocalDate day : holidays) {
      if (day.getYear() != year) throw new IllegalArgumentException("holiday " + day + " is not in " + year);
      if (makeUpWorkdays.contains(day)) throw new IllegalArgumentException(day + " is both a holiday and a make-up working day");
    }
    for (LocalDate day : makeUpWorkdays) {
      if (day.getYear() != year) throw new IllegalArgumentException("make-up working day " + day + " is not in " + year);
    }
  }

  /** A year of the State Council's notice. */
  public static CalendarYear published(int year, String source, Set<LocalDate> holidays, Set<LocalDate> makeUpWorkdays) {
    return new CalendarYear(year, source, holidays, makeUpWorkdays, false);
  }

  /** A year counted from the law while its notice is missing: no make-up working days are assumed. */
  public static CalendarYear provisional(int year, String law, Set<LocalDate> holidays) {
    return new CalendarYear(year, law, holidays, Set.of(), true);
  }
}
