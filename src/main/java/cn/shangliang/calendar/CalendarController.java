package cn.shangliang.calendar;

import cn.shangliang.rules.RuleBase;
import cn.shangliang.rules.RulesService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Validated
@RequestMapping("/api/calendar")
@Tag(name = "工作日历 Calendar")
class CalendarController {

  /** {@code provisional}: the deadline falls in a year without its holiday notice (counted by the law; it may move). */
  record DeadlineView(OffsetDateTime from, int workingDays, OffsetDateTime deadline,
      @Schema(description = WorkingCalendar.PROVISIONAL_DESCRIPTION) boolean provisional) {}

  private final CalendarService calendars;
  private final RulesService rules;
  private final Clock clock;

  CalendarController(CalendarService calendars, RulesService rules, Clock clock) {
    this.calendars = calendars;
    this.rules = rules;
    this.clock = clock;
  }

  @GetMapping("/years")
  @Operation(summary = "工作日历的年份", description = "哪些年份按国务院通知计算（PUBLISHED），哪些暂按法定节假日推算"
      + "（PROVISIONAL），各自的文件、SHA-256 和不上班的日子；本年的通知缺失时，或自11月1日起次年的通知缺失时，带有提示（warning）。")
  CalendarYears.View years() {
    RuleBase inForce = rules.current();
    WorkingCalendar calendar = inForce.data(WorkingCalendar.class);
    return CalendarYears.of(calendar, inForce, LocalDate.now(clock.withZone(calendar.zone())));
  }

  @GetMapping("/deadline")
  @Operation(summary = "计算工作日时限", description = "从某一时刻起第 N 个工作日的 17:30（Asia/Shanghai），按国务院办公厅公布的节假日安排"
      + "（含调休上班日）；workingDays 为 0 到 3650。")
  DeadlineView deadline(
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime from,
      @RequestParam @Min(0) @Max(3650) int workingDays) {
    WorkingCalendar calendar = calendars.calendar();
    OffsetDateTime deadline = calendar.addWorkingDays(from, workingDays);
    return new DeadlineView(from.atZoneSameInstant(calendar.zone()).toOffsetDateTime(), workingDays, deadline,
        calendar.isProvisional(deadline));
  }
}
