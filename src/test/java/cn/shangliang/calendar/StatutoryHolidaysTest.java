package cn.shangliang.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Years without their notice, counted by rules/calendar/statutory-holidays.yaml (issue #20). */
@Tag("no-database")
class StatutoryHolidaysTest {
  static WorkingCalendar calendar;

  @BeforeAll
  static void loadTheRealCalendar() {
    WorkingCalendarTest.loadTheRealCalendar();
    calendar = WorkingCalendarTest.calendar;
  }

  static OffsetDateTime at(String text) {
    return OffsetDateTime.parse(text);
  }

  static Set<LocalDate> dates(String... days) {
    return Stream.of(days).map(LocalDate::parse).collect(Collectors.toSet());
  }

  /** Published dates (the State Council's notices to 2026, the Purple Mountain Observatory's almanac after). */
  @ParameterizedTest(name = "{0}")
  @CsvSource({
      // year, 除夕, 正月初一, 清明, 端午, 中秋
      "2020, 2020-01-24, 2020-01-25, 2020-04-04, 2020-06-25, 2020-10-01",
      "2021, 2021-02-11, 2021-02-12, 2021-04-04, 2021-06-14, 2021-09-21",
      "2022, 2022-01-31, 2022-02-01, 2022-04-05, 2022-06-03, 2022-09-10",
      "2023, 2023-01-21, 2023-01-22, 2023-04-05, 2023-06-22, 2023-09-29",
      "2024, 2024-02-09, 2024-02-10, 2024-04-04, 2024-06-10, 2024-09-17",
      "2025, 2025-01-28, 2025-01-29, 2025-04-04, 2025-05-31, 2025-10-06",
      "2026, 2026-02-16, 2026-02-17, 2026-04-05, 2026-06-19, 2026-09-25",
      "2027, 2027-02-05, 2027-02-06, 2027-04-05, 2027-06-09, 2027-09-15",
      "2028, 2028-01-25, 2028-01-26, 2028-04-04, 2028-05-28, 2028-10-03",
      "2029, 2029-02-12, 2029-02-13, 2029-04-04, 2029-06-16, 2029-09-22",
      "2030, 2030-02-02, 2030-02-03, 2030-04-05, 2030-06-05, 2030-09-12",
      "2031, 2031-01-22, 2031-01-23, 2031-04-05, 2031-06-24, 2031-10-01",
      "2032, 2032-02-10, 2032-02-11, 2032-04-04, 2032-06-12, 2032-09-19",
      "2033, 2033-01-30, 2033-01-31, 2033-04-04, 2033-06-01, 2033-09-08",
      "2034, 2034-02-18, 2034-02-19, 2034-04-05, 2034-06-20, 2034-09-27",
      "2035, 2035-02-07, 2035-02-08, 2035-04-05, 2035-06-10, 2035-09-16"})
  void theAlmanac_agreesWithThePublishedDates(int year, LocalDate eve, LocalDate newYear, LocalDate qingming,
      LocalDate dragonBoat, LocalDate midAutumn) {
    assertThat(ChineseAlmanac.lunarNewYearsEve(year)).as("除夕").isEqualTo(eve);
    assertThat(ChineseAlmanac.lunar(year, 1, 1)).as("正月初一").isEqualTo(newYear);
    assertThat(ChineseAlmanac.solarTerm(year, "清明")).as("清明").isEqualTo(qingming);
    assertThat(ChineseAlmanac.lunar(year, 5, 5)).as("端午").isEqualTo(dragonBoat);
    assertThat(ChineseAlmanac.lunar(year, 8, 15)).as("中秋").isEqualTo(midAutumn);
  }

  @Test
  void year2027_byLaw_withTheSubstituteDaysOfItsWeekendFestivals() {
    CalendarYear year = calendar.year(2027);
    assertThat(year.provisional()).isTrue();
    assertThat(year.makeUpWorkdays()).as("no make-up working weekends assumed").isEmpty();
    assertThat(year.holidays()).containsExactlyInAnyOrderElementsOf(dates(
        "2027-01-01",                                                                // 元旦 Fri
        "2027-02-05", "2027-02-06", "2027-02-07", "2027-02-08", "2027-02-09", "2027-02-10", // 春节 Sat+Sun → Tue, Wed
        "2027-04-05",                                                                // 清明 Mon
        "2027-05-01", "2027-05-02", "2027-05-03", "2027-05-04",                      // 劳动节 Sat+Sun → Mon, Tue
        "2027-06-09",                                                                // 端午 Wed
        "2027-09-15",                                                                // 中秋 Wed
        "2027-10-01", "2027-10-02", "2027-10-03", "2027-10-04", "2027-10-05"));      // 国庆 Sat+Sun → Mon, Tue
  }

  @ParameterizedTest(name = "{0} + {1} working days = {2}")
  @CsvSource({
      "2026-12-31T10:00:00+08:00, 1, 2027-01-04T17:30:00+08:00",  // Thu → 元旦 Fri, weekend → Mon
      "2026-12-20T09:00:00+08:00, 10, 2027-01-04T17:30:00+08:00", // the 10-day reply started on Sun 20 Dec
      "2027-02-04T10:00:00+08:00, 1, 2027-02-11T17:30:00+08:00",  // the day before 除夕: 5–10 Feb off
      "2027-02-03T10:00:00+08:00, 2, 2027-02-11T17:30:00+08:00",
      "2027-04-02T10:00:00+08:00, 1, 2027-04-06T17:30:00+08:00",  // Fri → weekend, 清明 Mon → Tue
      "2027-04-30T10:00:00+08:00, 1, 2027-05-05T17:30:00+08:00",  // 劳动节 on the weekend, 补假 Mon and Tue
      "2027-06-08T10:00:00+08:00, 1, 2027-06-10T17:30:00+08:00",  // 端午 Wed
      "2027-09-14T10:00:00+08:00, 1, 2027-09-16T17:30:00+08:00",  // 中秋 Wed
      "2027-09-30T10:00:00+08:00, 1, 2027-10-06T17:30:00+08:00",  // 国庆 Fri–Sun, 补假 Mon and Tue
      "2030-12-31T10:00:00+08:00, 1, 2031-01-02T17:30:00+08:00",  // 2031 元旦 Wed
      "2029-12-31T10:00:00+08:00, 1, 2030-01-02T17:30:00+08:00",  // 元旦 Tue
      "2030-02-01T10:00:00+08:00, 1, 2030-02-08T17:30:00+08:00",  // the day before 除夕 Sat: 2–7 Feb off
      "2030-01-31T10:00:00+08:00, 2, 2030-02-08T17:30:00+08:00",
      "2030-04-04T10:00:00+08:00, 1, 2030-04-08T17:30:00+08:00",  // 清明 Fri
      "2030-04-30T10:00:00+08:00, 1, 2030-05-03T17:30:00+08:00",  // 劳动节 Wed, Thu
      "2030-06-04T10:00:00+08:00, 1, 2030-06-06T17:30:00+08:00",  // 端午 Wed
      "2030-09-11T10:00:00+08:00, 1, 2030-09-13T17:30:00+08:00",  // 中秋 Thu
      "2030-09-30T10:00:00+08:00, 1, 2030-10-04T17:30:00+08:00"}) // 国庆 Tue–Thu
  void deadlinesAcrossTheStatutoryHolidays(OffsetDateTime from, int workingDays, OffsetDateTime deadline) {
    assertThat(calendar.addWorkingDays(from, workingDays)).isEqualTo(deadline);
    assertThat(calendar.isProvisional(deadline)).isTrue();
  }

  @Test
  void year2030_byLaw_springFestivalOnTheWeekend() {
    assertThat(calendar.year(2030).holidays()).containsExactlyInAnyOrderElementsOf(dates(
        "2030-01-01",
        "2030-02-02", "2030-02-03", "2030-02-04", "2030-02-05", "2030-02-06", "2030-02-07", // 除夕 Sat, 初一 Sun → Wed, Thu
        "2030-04-05", "2030-05-01", "2030-05-02", "2030-06-05", "2030-09-12",
        "2030-10-01", "2030-10-02", "2030-10-03"));
  }

  @Test
  void midAutumnOnANationalDay_keepsBothFestivalsDays() {
    // 2028: 中秋 Tue 3 Oct, 国庆 Sun 1 – Tue 3 Oct: Sunday and the shared day give Wed 4 and Thu 5 Oct
    assertThat(calendar.year(2028).holidays()).contains(LocalDate.of(2028, 10, 4), LocalDate.of(2028, 10, 5))
        .doesNotContain(LocalDate.of(2028, 10, 6));
    assertThat(calendar.addWorkingDays(at("2028-09-29T10:00:00+08:00"), 1)).isEqualTo(at("2028-10-06T17:30:00+08:00"));
  }

  @Test
  void aFestivalMustSayWhereItStarts() {
    assertThatThrownBy(() -> new StatutoryHolidays.Festival("春节", "01-01", "除夕", null, 4))
        .hasMessageContaining("exactly one of");
    assertThatThrownBy(() -> new StatutoryHolidays.Festival("清明节", null, null, "清名", 1)).hasMessageContaining("清名");
    assertThatThrownBy(() -> new StatutoryHolidays.Festival("国庆节", "10-32", null, null, 3)).hasMessageContaining("10-32");
  }
}
