package cn.shangliang.sla;

import java.time.LocalDate;
import java.util.Set;

/** One year of the official calendar: statutory days off and make-up working days (调休上班). */
public record CalendarYear(int year, String source, Set<LocalDate> holidays, Set<LocalDate> makeUpWorkdays) {
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
}
