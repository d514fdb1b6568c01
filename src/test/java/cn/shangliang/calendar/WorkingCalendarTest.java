package cn.shangliang.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shangliang.rules.RuleBase;
import cn.shangliang.system.DesignerFolder;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The official 2026 calendar from rules/calendar/ and the deadline arithmetic of DOMAIN.md §5. */
@Tag("no-database")
class WorkingCalendarTest {
  static WorkingCalendar calendar;
  static final List<Integer> warnedYears = new ArrayList<>();

  @BeforeAll
  static void loadTheRealCalendar() {
    Map<String, byte[]> files = new HashMap<>();
    for (DesignerFolder.File file : new DesignerFolder(java.nio.file.Path.of("rules"), "rules").files()) {
      if (new CalendarData().accepts(file.path())) files.put(file.path(), file.content());
    }
    WorkingCalendar parsed = new CalendarData().parse(files, (RuleBase.Partial) null);
    calendar = new WorkingCalendar(parsed.years(), parsed.law(), parsed.zone(), parsed.closeOfBusiness(), warnedYears::add);
  }

  static OffsetDateTime at(String text) {
    return OffsetDateTime.parse(text);
  }

  @Test
  void nationalDay2026_endsOnTheMakeUpSaturday10October() {
    assertThat(calendar.addWorkingDays(at("2026-09-30T10:00:00+08:00"), 3)).isEqualTo(at("2026-10-10T17:30:00+08:00"));
    assertThat(calendar.isWorkingDay(LocalDate.of(2026, 10, 1))).isFalse();
    assertThat(calendar.isWorkingDay(LocalDate.of(2026, 10, 7))).isFalse();
    assertThat(calendar.isWorkingDay(LocalDate.of(2026, 10, 10))).as("调休上班 Saturday").isTrue();
    assertThat(calendar.isWorkingDay(LocalDate.of(2026, 10, 11))).as("an ordinary Sunday").isFalse();
  }

  @Test
  void midAutumnMakeUpSunday20September_countsAsWorkingDay() {
    assertThat(calendar.isWorkingDay(LocalDate.of(2026, 9, 20))).isTrue();
    // Fri 18 Sep + 1 working day = Sun 20 Sep (make-up day)
    assertThat(calendar.addWorkingDays(at("2026-09-18T09:00:00+08:00"), 1)).isEqualTo(at("2026-09-20T17:30:00+08:00"));
  }

  @Test
  void springFestival2026_bothMakeUpSaturdaysWork_andTheHolidayWeekDoesNot() {
    assertThat(calendar.isWorkingDay(LocalDate.of(2026, 2, 14))).isTrue();
    assertThat(calendar.isWorkingDay(LocalDate.of(2026, 2, 28))).isTrue();
    for (LocalDate d = LocalDate.of(2026, 2, 15); !d.isAfter(LocalDate.of(2026, 2, 23)); d = d.plusDays(1)) {
      assertThat(calendar.isWorkingDay(d)).as(d.toString()).isFalse();
    }
    // Fri 13 Feb: +1 = Sat 14 (make-up), +2 = Tue 24 (after the holiday)
    assertThat(calendar.addWorkingDays(at("2026-02-13T11:00:00+08:00"), 1)).isEqualTo(at("2026-02-14T17:30:00+08:00"));
    assertThat(calendar.addWorkingDays(at("2026-02-13T11:00:00+08:00"), 2)).isEqualTo(at("2026-02-24T17:30:00+08:00"));
    // Fri 27 Feb + 1 = Sat 28 (make-up); + 2 = Mon 2 Mar
    assertThat(calendar.addWorkingDays(at("2026-02-27T11:00:00+08:00"), 2)).isEqualTo(at("2026-03-02T17:30:00+08:00"));
  }

  @Test
  void aWeekendStart_countsFromTheNextWorkingDay() {
    // Sat 21 Nov 2026 + 1 working day = Mon 23 Nov, close of business
    assertThat(calendar.addWorkingDays(at("2026-11-21T15:00:00+08:00"), 1)).isEqualTo(at("2026-11-23T17:30:00+08:00"));
    assertThat(calendar.addWorkingDays(at("2026-11-22T23:00:00+08:00"), 10)).isEqualTo(at("2026-12-04T17:30:00+08:00"));
  }

  @Test
  void theDayIsTheDayInChina_notInUtc() {
    // 2026-11-23T20:00Z is already Tue 24 Nov 04:00 in Shanghai: counting starts after the 24th
    assertThat(calendar.addWorkingDays(at("2026-11-23T20:00:00Z"), 1)).isEqualTo(at("2026-11-25T17:30:00+08:00"));
  }

  @Test
  void apiExample_tenWorkingDaysFrom23November() {
    assertThat(calendar.addWorkingDays(at("2026-11-23T10:00:00+08:00"), 10)).isEqualTo(at("2026-12-07T17:30:00+08:00"));
  }

  @Test
  void newYear2026_makeUpSunday4January() {
    assertThat(calendar.addWorkingDays(at("2025-12-31T10:00:00+08:00"), 1)).isEqualTo(at("2026-01-04T17:30:00+08:00"));
  }

  @Test
  void aYearBeforeTheLaw_withoutData_fallsBackToMondayToFriday_andSaysSo() {
    warnedYears.clear();
    // 2024-10-01 is a Tuesday; without data and before the revised law, National Day is not known
    assertThat(calendar.addWorkingDays(at("2024-10-01T10:00:00+08:00"), 1)).isEqualTo(at("2024-10-02T17:30:00+08:00"));
    assertThat(calendar.addWorkingDays(at("2024-10-04T10:00:00+08:00"), 1)).as("Fri → Mon").isEqualTo(at("2024-10-07T17:30:00+08:00"));
    assertThat(warnedYears).containsExactly(2024);
    assertThat(calendar.isProvisional(at("2024-10-07T17:30:00+08:00"))).isTrue();
  }

  @Test
  void aYearWithoutItsNotice_isCountedByTheLaw_provisionally_andSaysSo() {
    warnedYears.clear();
    // 2031-10-01 is a Wednesday and also 中秋: 国庆 1–3 Oct, the weekend, then Mon 6 Oct is 中秋's 补假
    assertThat(calendar.addWorkingDays(at("2031-09-30T10:00:00+08:00"), 1)).isEqualTo(at("2031-10-07T17:30:00+08:00"));
    assertThat(warnedYears).containsExactly(2031);
    assertThat(calendar.isProvisional(at("2031-10-07T17:30:00+08:00"))).isTrue();
    assertThat(calendar.isProvisional(at("2026-12-31T17:30:00+08:00"))).as("2026 is published").isFalse();
    assertThat(calendar.isProvisional((OffsetDateTime) null)).isFalse();
  }

  @Test
  void the2026Notice_staysAsPublished_everyDayOfTheYear() {
    assertThat(calendar.year(2026).provisional()).isFalse();
    // 国务院办公厅关于2026年部分节假日安排的通知, written out here independently of rules/calendar/2026.yaml
    List<LocalDate[]> holidays = List.of(range("2026-01-01", "2026-01-03"), range("2026-02-15", "2026-02-23"),
        range("2026-04-04", "2026-04-06"), range("2026-05-01", "2026-05-05"), range("2026-06-19", "2026-06-21"),
        range("2026-09-25", "2026-09-27"), range("2026-10-01", "2026-10-07"));
    List<LocalDate> makeUp = Stream.of("2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10")
        .map(LocalDate::parse).toList();
    LocalDate.of(2026, 1, 1).datesUntil(LocalDate.of(2027, 1, 1)).forEach(day -> {
      boolean holiday = holidays.stream().anyMatch(r -> !day.isBefore(r[0]) && !day.isAfter(r[1]));
      boolean off = holiday || StatutoryHolidays.isWeekend(day) && !makeUp.contains(day);
      assertThat(calendar.isWorkingDay(day)).as(day.toString()).isEqualTo(!off);
    });
    // the law alone would have given 2 days for 劳动节, not 5
    assertThat(calendar.isWorkingDay(LocalDate.of(2026, 5, 5))).isFalse();
  }

  private static LocalDate[] range(String from, String to) {
    return new LocalDate[] {LocalDate.parse(from), LocalDate.parse(to)};
  }

  @Test
  void emergencyClock_is24CalendarHours_evenOverAHoliday() {
    assertThat(calendar.addHours(at("2026-09-30T22:15:00+08:00"), 24)).isEqualTo(at("2026-10-01T22:15:00+08:00"));
  }

  @Test
  void onSiteDeadline_isTheEndOfTheSameDay() {
    assertThat(calendar.endOfDay(at("2026-10-03T08:00:00+08:00"))).isEqualTo(at("2026-10-03T23:59:59+08:00"));
  }

  @Test
  void dueSoon_on30September_reachesTheFirstWorkingDayAfterNationalDay() {
    OffsetDateTime limit = calendar.dueSoonLimit(at("2026-09-30T09:00:00+08:00"));
    assertThat(at("2026-10-08T17:30:00+08:00")).isBefore(limit);
    assertThat(at("2026-10-09T09:00:00+08:00")).isAfter(limit);
  }

  @Test
  void seventyFivePercent_countsWorkingTimeOnly() {
    // Wed 30 Sep 2026 10:00 → 3 working days = Sat 10 Oct 17:30 (make-up day); 1–7 Oct do not count
    OffsetDateTime from = at("2026-09-30T10:00:00+08:00");
    OffsetDateTime deadline = calendar.addWorkingDays(from, 3);
    OffsetDateTime reminder = calendar.shareOfWorkingTime(from, deadline, 0.75);
    // working time: 30 Sep 14 h + 8 Oct 24 h + 9 Oct 24 h + 10 Oct 17.5 h = 79.5 h; 75 % = 59.625 h:
    // 14 h on 30 Sep, 24 h on 8 Oct, then 21.625 h into 9 Oct → 9 Oct 21:37:30
    assertThat(reminder).isEqualTo(at("2026-10-09T21:37:30+08:00"));
    assertThat(calendar.shareOfWorkingTime(from, deadline, 1.0)).isEqualTo(deadline);
    assertThat(calendar.shareOfWorkingTime(from, deadline, 0)).isEqualTo(from);
  }
}
