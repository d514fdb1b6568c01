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

  /** {@code provisional}: the deadline falls in a year without its holiday notice (counted by the law; it may move). */
  record DeadlineView(OffsetDateTime from, int workingDays, OffsetDateTime deadline, boolean provisional) {}

  private final CalendarService calendars;

  CalendarController(CalendarService calendars) {
    this.calendars = calendars;
  }

  @GetMapping("/deadline")
  @Operation(summary = "The deadline N working days from a moment: 17:30 (Asia/Shanghai) of the N-th working day after it")
  DeadlineView deadline(
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime from,
      @RequestParam @Min(0) @Max(3650) int workingDays) {
    WorkingCalendar calendar = calendars.calendar();
    OffsetDateTime deadline = calendar.addWorkingDays(from, workingDays);
    return new DeadlineView(from.atZoneSameInstant(calendar.zone()).toOffsetDateTime(), workingDays, deadline,
        calendar.isProvisional(deadline));
  }
}
