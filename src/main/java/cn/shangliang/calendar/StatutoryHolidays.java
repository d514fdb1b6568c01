package cn.shangliang.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The floor the law gives ({@code rules/calendar/statutory-holidays.yaml}): the statutory holidays of
 * 《全国年节及纪念日放假办法》, with one 补假 day for each statutory day on a weekend or on another
 * festival's day. A year counted this way is provisional until its State Council notice is published.
 */
public record StatutoryHolidays(String law, int since, boolean substituteDays, List<Festival> festivals) {

  /** A festival: where it starts (exactly one of a Gregorian date, a lunar date or a solar term) and how many days. */
  public record Festival(String name, String date, String lunar, String solarTerm, int days) {
    static final String NEW_YEARS_EVE = "除夕";

    public Festival {
      if (name == null || name.isBlank()) throw new IllegalArgumentException("a festival needs a name");
      long starts = Stream.of(date, lunar, solarTerm).filter(s -> s != null).count();
      if (starts != 1) throw new IllegalArgumentException(name + ": give exactly one of date, lunar or solarTerm");
      if (days < 1) throw new IllegalArgumentException(name + ": days must be at least 1");
      if (date != null) monthDay(name, date);
      if (lunar != null && !NEW_YEARS_EVE.equals(lunar)) monthDay(name, lunar);
      if (solarTerm != null) ChineseAlmanac.solarTerm(2025, solarTerm);
    }

    LocalDate firstDay(int year) {
      if (date != null) return monthDay(name, date).atYear(year);
      if (solarTerm != null) return ChineseAlmanac.solarTerm(year, solarTerm);
      if (NEW_YEARS_EVE.equals(lunar)) return ChineseAlmanac.lunarNewYearsEve(year);
      MonthDay lunarDay = monthDay(name, lunar);
      return ChineseAlmanac.lunar(year, lunarDay.getMonthValue(), lunarDay.getDayOfMonth());
    }

    private static MonthDay monthDay(String name, String text) {
      try {
        return MonthDay.parse("--" + text);
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException(name + ": '" + text + "' is not a month-day like 10-01");
      }
    }
  }

  public StatutoryHolidays {
    if (law == null || law.isBlank()) throw new IllegalArgumentException("name the law the holidays come from");
    if (festivals == null || festivals.isEmpty()) throw new IllegalArgumentException("no festivals");
    festivals = List.copyOf(festivals);
  }

  public boolean appliesTo(int year) {
    return year >= since;
  }

  /** The non-working days of {@code year} by the law alone: the festivals' days, then the 补假 days in festival order. */
  public CalendarYear year(int year) {
    Set<LocalDate> off = new HashSet<>();
    List<Integer> owed = new ArrayList<>();
    for (Festival festival : festivals) {
      int substitutes = 0;
      for (LocalDate day : daysOf(festival, year)) {
        // added first, so a day both on a weekend and on another festival owes one day, not two
        if (!off.add(day) || isWeekend(day)) substitutes++;
      }
      owed.add(substituteDays ? substitutes : 0);
    }
    for (int i = 0; i < festivals.size(); i++) {
      LocalDate cursor = lastDayOf(festivals.get(i), year);
      for (int n = 0; n < owed.get(i); n++) {
        do cursor = cursor.plusDays(1); while (isWeekend(cursor) || off.contains(cursor));
        off.add(cursor);
      }
    }
    return CalendarYear.provisional(year, law, off);
  }

  private static List<LocalDate> daysOf(Festival festival, int year) {
    LocalDate first = festival.firstDay(year);
    return Stream.iterate(first, d -> d.plusDays(1)).limit(festival.days()).toList();
  }

  private static LocalDate lastDayOf(Festival festival, int year) {
    return festival.firstDay(year).plusDays(festival.days() - 1L);
  }

  static boolean isWeekend(LocalDate day) {
    return day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
  }
}
