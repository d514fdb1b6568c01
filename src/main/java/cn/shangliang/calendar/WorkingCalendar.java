package cn.shangliang.calendar;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntConsumer;

/**
 * The official Chinese working-day calendar and the deadline arithmetic of DOMAIN.md §5.
 * Pure and immutable: the only definition of a working day in the platform (the API, the routing
 * rules and Camunda's business calendar all ask this class).
 */
public final class WorkingCalendar {
  /** Shown beside every provisional deadline (a year counted by the law while its notice is missing). */
  public static final String PROVISIONAL_NOTE = "（暂按法定节假日推算，以国务院通知为准）";
  /** What {@code provisional} means wherever the API shows it (OpenAPI descriptions). */
  public static final String PROVISIONAL_DESCRIPTION = "true when the deadline falls in a year whose State Council holiday "
      + "notice is not in rules/calendar/: counted by the law's statutory holidays (statutory-holidays.yaml), it may still "
      + "move when the notice is added; false on a published year (always present)";

  private final Map<Integer, CalendarYear> years;
  private final StatutoryHolidays law;
  private final ZoneId zone;
  private final LocalTime closeOfBusiness;
  private final IntConsumer missingYearWarning;
  private final Set<Integer> warnedYears = ConcurrentHashMap.newKeySet();
  private final Map<Integer, CalendarYear> yearsByLaw = new ConcurrentHashMap<>();

  /**
   * @param years the published years (one State Council notice each)
   * @param law the statutory holidays counted for a year without its notice; null: Monday to Friday
   * @param missingYearWarning told once per year that has no notice
   */
  public WorkingCalendar(Map<Integer, CalendarYear> years, StatutoryHolidays law, ZoneId zone,
      LocalTime closeOfBusiness, IntConsumer missingYearWarning) {
    this.years = Map.copyOf(years);
    this.law = law;
    this.zone = zone;
    this.closeOfBusiness = closeOfBusiness;
    this.missingYearWarning = missingYearWarning;
  }

  public ZoneId zone() {
    return zone;
  }

  public LocalTime closeOfBusiness() {
    return closeOfBusiness;
  }

  /** The published years: those whose State Council notice is in {@code rules/calendar/}. */
  public Map<Integer, CalendarYear> years() {
    return years;
  }

  public StatutoryHolidays law() {
    return law;
  }

  public boolean hasDataFor(int year) {
    return years.containsKey(year);
  }

  /** Whether a day is counted without its year's notice (by the law, or Monday to Friday before it). */
  public boolean isProvisional(LocalDate day) {
    return !years.containsKey(day.getYear());
  }

  /**
   * Whether a deadline may still move when a notice is published: it falls in a year without its
   * notice (notices come year by year, so the days counted before it are published or also provisional).
   */
  public boolean isProvisional(OffsetDateTime deadline) {
    return deadline != null && isProvisional(deadline.atZoneSameInstant(zone).toLocalDate());
  }

  /** The year as counted: its notice, else the law (provisional), else null (Monday to Friday). */
  public CalendarYear year(int year) {
    CalendarYear published = years.get(year);
    if (published != null) return published;
    if (warnedYears.add(year)) missingYearWarning.accept(year);
    if (law == null || !law.appliesTo(year)) return null;
    return yearsByLaw.computeIfAbsent(year, law::year);
  }

  /** Weekends are off except make-up working days; statutory holidays are off even on weekdays. */
  public boolean isWorkingDay(LocalDate day) {
    CalendarYear year = year(day.getYear());
    boolean weekend = day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
    if (year == null) return !weekend;
    if (year.holidays().contains(day)) return false;
    if (year.makeUpWorkdays().contains(day)) return true;
    return !weekend;
  }

  /** The N-th working day strictly after {@code day} (N ≥ 1); N = 0 is the day itself. */
  public LocalDate nthWorkingDayAfter(LocalDate day, int n) {
    if (n < 0) throw new IllegalArgumentException("working days must not be negative: " + n);
    LocalDate current = day;
    int counted = 0;
    while (counted < n) {
      current = current.plusDays(1);
      if (isWorkingDay(current)) counted++;
    }
    return current;
  }

  /** A deadline of N working days from T: close of office hours of the N-th working day after T's day. */
  public OffsetDateTime addWorkingDays(OffsetDateTime from, int workingDays) {
    LocalDate startDay = from.atZoneSameInstant(zone).toLocalDate();
    LocalDate lastDay = nthWorkingDayAfter(startDay, workingDays);
    return ZonedDateTime.of(lastDay, closeOfBusiness, zone).toOffsetDateTime();
  }

  /**
   * A deadline a period (months, days) after a moment: close of office hours of that calendar day, moved to the
   * next working day when the day is off (a proposal reply due "in 3 months" is not due on a holiday).
   */
  public Instant periodDeadline(Instant from, Period period) {
    LocalDate day = from.atZone(zone).toLocalDate().plus(period);
    while (!isWorkingDay(day)) day = day.plusDays(1);
    return day.atTime(closeOfBusiness).atZone(zone).toInstant();
  }

  /** Calendar time, for the 24-hour EMERGENCY clock. */
  public OffsetDateTime addHours(OffsetDateTime from, long hours) {
    return from.plusHours(hours).atZoneSameInstant(zone).toOffsetDateTime();
  }

  /** End of the same calendar day (23:59:59), for on-site answers. */
  public OffsetDateTime endOfDay(OffsetDateTime from) {
    LocalDate day = from.atZoneSameInstant(zone).toLocalDate();
    return ZonedDateTime.of(day, LocalTime.of(23, 59, 59), zone).toOffsetDateTime();
  }

  /**
   * The moment when {@code share} of the working time between {@code from} and {@code deadline} has
   * passed (DOMAIN.md §5: the 75 % reminder counts working time, not wall-clock time). Working time is
   * the time on working days; weekends and holidays in between do not count.
   */
  public OffsetDateTime shareOfWorkingTime(OffsetDateTime from, OffsetDateTime deadline, double share) {
    if (!deadline.isAfter(from)) return deadline;
    List<Instant[]> spans = new ArrayList<>();
    long total = 0;
    LocalDate day = from.atZoneSameInstant(zone).toLocalDate();
    LocalDate last = deadline.atZoneSameInstant(zone).toLocalDate();
    for (; !day.isAfter(last); day = day.plusDays(1)) {
      if (!isWorkingDay(day)) continue;
      Instant start = max(day.atStartOfDay(zone).toInstant(), from.toInstant());
      Instant end = min(day.plusDays(1).atStartOfDay(zone).toInstant(), deadline.toInstant());
      if (end.isAfter(start)) {
        spans.add(new Instant[] {start, end});
        total += Duration.between(start, end).getSeconds();
      }
    }
    long target = Math.round(total * share);
    for (Instant[] span : spans) {
      long length = Duration.between(span[0], span[1]).getSeconds();
      if (target <= length) return span[0].plusSeconds(target).atZone(zone).toOffsetDateTime();
      target -= length;
    }
    return deadline.atZoneSameInstant(zone).toOffsetDateTime();
  }

  private static Instant max(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  private static Instant min(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }

  /** "Due within 1 working day" (即将到期): anything due before the end of the next working day after today. */
  public OffsetDateTime dueSoonLimit(OffsetDateTime now) {
    LocalDate next = nthWorkingDayAfter(now.atZoneSameInstant(zone).toLocalDate(), 1);
    return ZonedDateTime.of(next, LocalTime.MAX, zone).toOffsetDateTime();
  }
}
