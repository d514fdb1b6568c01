package cn.shangliang.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** When the calendar warns that a year's notice is missing (issue #20): the real rules/calendar/ holds 2026 only. */
@Tag("no-database")
class CalendarYearsTest {
  static WorkingCalendar calendar;

  @BeforeAll
  static void loadTheRealCalendar() {
    WorkingCalendarTest.loadTheRealCalendar();
    calendar = WorkingCalendarTest.calendar;
  }

  @Test
  void untilOctober_nextYearsMissingNotice_isNoWarningYet() {
    assertThat(CalendarYears.warning(calendar, LocalDate.of(2026, 10, 31))).isEmpty();
  }

  @Test
  void from1November_nextYearsMissingNotice_isWarned() {
    assertThat(CalendarYears.warning(calendar, LocalDate.of(2026, 11, 1))).hasValueSatisfying(w ->
        assertThat(w).startsWith("2027年放假安排通知尚未加入").contains("rules/calendar/2027.yaml", "暂按法定节假日推算"));
    assertThat(CalendarYears.warning(calendar, LocalDate.of(2026, 12, 31))).isPresent();
  }

  @Test
  void aYearWithoutItsOwnNotice_isWarnedAllYear() {
    assertThat(CalendarYears.warning(calendar, LocalDate.of(2027, 3, 1))).hasValueSatisfying(w -> assertThat(w).startsWith("2027年"));
  }
}
