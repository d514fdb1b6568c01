package cn.shangliang.calendar;

import cn.shangliang.rules.RuleBase;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Which years the calendar counts from a State Council notice and which from the law alone, with the file
 * each comes from: what {@code GET /api/calendar/years} shows and the dashboard warns about.
 */
final class CalendarYears {
  static final String NOTICE_MONTHS_NOTE = "国务院通常在11月至12月发布次年放假安排";
  private static final int WARN_FROM_MONTH = 11;

  /**
   * @param status PUBLISHED (its notice), PROVISIONAL (by the law, may still move) or WEEKDAYS (before the
   *     revised law and without a notice: Monday to Friday)
   */
  record YearView(int year, String status, boolean provisional, String source, String file, String sha256,
      List<LocalDate> holidays, List<LocalDate> makeUpWorkdays) {}

  record View(LocalDate today, List<YearView> years, String warning) {}

  private CalendarYears() {}

  /** Every published year, and this year and next year whatever they are. */
  static View of(WorkingCalendar calendar, RuleBase rules, LocalDate today) {
    TreeSet<Integer> years = new TreeSet<>(calendar.years().keySet());
    years.add(today.getYear());
    years.add(today.getYear() + 1);
    List<YearView> views = new ArrayList<>();
    for (int year : years) views.add(year(calendar, rules, year));
    return new View(today, views, warning(calendar, today).orElse(null));
  }

  /** This year without its notice, or from 1 November next year without its notice. */
  static Optional<String> warning(WorkingCalendar calendar, LocalDate today) {
    int year = today.getYear();
    if (!calendar.hasDataFor(year)) return Optional.of(missing(year));
    if (today.getMonthValue() >= WARN_FROM_MONTH && !calendar.hasDataFor(year + 1)) return Optional.of(missing(year + 1));
    return Optional.empty();
  }

  private static String missing(int year) {
    return year + "年放假安排通知尚未加入工作日历（rules/calendar/" + year + ".yaml）：" + year
        + "年的时限暂按法定节假日推算，以国务院通知为准。" + NOTICE_MONTHS_NOTE + "，发布后请及时加入。";
  }

  private static YearView year(WorkingCalendar calendar, RuleBase rules, int year) {
    CalendarYear counted = calendar.year(year);
    if (counted == null) return new YearView(year, "WEEKDAYS", true, null, null, null, List.of(), List.of());
    String file = counted.provisional() ? "calendar/statutory-holidays.yaml" : "calendar/" + year + ".yaml";
    Optional<RuleBase.RuleFile> inForce = rules.files().stream()
        .filter(f -> f.path().equals(file) || f.path().equals(file.replace(".yaml", ".yml"))).findFirst();
    return new YearView(year, counted.provisional() ? "PROVISIONAL" : "PUBLISHED", counted.provisional(), counted.source(),
        inForce.map(RuleBase.RuleFile::path).orElse(file), inForce.map(RuleBase.RuleFile::sha256).orElse(null),
        counted.holidays().stream().sorted().toList(), counted.makeUpWorkdays().stream().sorted().toList());
  }
}
