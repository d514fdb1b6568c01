package cn.shangliang.routing;

import cn.shangliang.calendar.WorkingCalendar;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The routing decision as API.md shows it: route, lead department, co-handlers, deadline (none for
 * proposals: their own clocks start at registration), whether that deadline is provisional (it falls in
 * a year whose holiday notice is not published: counted by the law, it may still move) and the
 * reasons, the winning rule first. {@code clockKind} and {@code investigateFirst} are what the processes
 * steer by (never the rule's id), as the rule data says; null on decisions recorded before they existed.
 */
public record RouteResult(Route route, String leadDepartment, List<String> coDepartments, OffsetDateTime deadline,
    @Schema(description = WorkingCalendar.PROVISIONAL_DESCRIPTION) boolean provisional, List<Reason> reasons,
    @Schema(description = "how the deadline runs: WORKING_DAYS (moves with the holiday calendar), CALENDAR_HOURS "
        + "(day and night), END_OF_DAY; absent for proposals") ClockKind clockKind,
    @Schema(description = "true when the matter is investigated before it is answered or handled; false for an "
        + "on-site answer and for a rule whose department acts at once (EMERGENCY)") Boolean investigateFirst) {

  public RouteResult(Route route, String leadDepartment, List<String> coDepartments, OffsetDateTime deadline,
      boolean provisional, List<Reason> reasons) {
    this(route, leadDepartment, coDepartments, deadline, provisional, reasons, null, null);
  }

  public record Reason(String rule, String message) {}

  public RouteResult {
    coDepartments = List.copyOf(coDepartments);
    reasons = List.copyOf(reasons);
  }

  public String winningRule() {
    return reasons.get(0).rule();
  }
}
