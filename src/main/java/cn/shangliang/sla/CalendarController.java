package cn.shangliang.sla;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
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

  record DeadlineView(OffsetDateTime from, int workingDays, OffsetDateTime deadline) {}

  private final CalendarService calendars;

  CalendarController(CalendarService calendars) {
    this.calendars = calendars;
  }

  @GetMapping("/deadline")
  @Operation(summary = "计算工作日时限", description = "从某一时刻起第 N 个工作日的 17:30（Asia/Shanghai），按国务院办公厅公布的节假日安排"
      + "（含调休上班日）；workingDays 为 0 到 3650。")
  DeadlineView deadline(
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime from,
      @RequestParam @Min(0) @Max(3650) int workingDays) {
    WorkingCalendar calendar = calendars.calendar();
    return new DeadlineView(from.atZoneSameInstant(calendar.zone()).toOffsetDateTime(), workingDays,
        calendar.addWorkingDays(from, workingDays));
  }
}
