package cn.shangliang.calendar;

import com.tyme.lunar.LunarDay;
import com.tyme.lunar.LunarMonth;
import com.tyme.solar.SolarDay;
import com.tyme.solar.SolarTerm;
import java.time.LocalDate;
import java.util.Arrays;

/**
 * The lunar dates and solar terms of a Gregorian year, from tyme4j's tables (an astronomical
 * approximation is a day off in some years: 2027's 正月初一 is 6 February, not 7).
 */
final class ChineseAlmanac {
  private ChineseAlmanac() {}

  /** The Gregorian date of a lunar month and day of the lunar year that begins in {@code year}. */
  static LocalDate lunar(int year, int month, int day) {
    return toLocalDate(LunarDay.fromYmd(year, month, day).getSolarDay());
  }

  /** 除夕: the last day (29th or 30th) of the 12th month of the lunar year before, which falls in {@code year}. */
  static LocalDate lunarNewYearsEve(int year) {
    int lastDay = LunarMonth.fromYm(year - 1, 12).getDayCount();
    return lunar(year - 1, 12, lastDay);
  }

  /** The day of a solar term (e.g. 清明) in China in {@code year}. */
  static LocalDate solarTerm(int year, String name) {
    if (!Arrays.asList(SolarTerm.NAMES).contains(name)) throw new IllegalArgumentException("no solar term named " + name);
    return toLocalDate(SolarTerm.fromName(year, name).getJulianDay().getSolarDay());
  }

  private static LocalDate toLocalDate(SolarDay day) {
    return LocalDate.of(day.getYear(), day.getMonth(), day.getDay());
  }
}
