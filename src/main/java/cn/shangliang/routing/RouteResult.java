package cn.shangliang.routing;

import cn.shangliang.sla.WorkingCalendar;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The routing decision as API.md shows it: route, lead department, co-handlers, deadline (none for
 * proposals: their own clocks start at registration), whether that deadline is provisional (it falls in
 * a year whose holiday notice is not published: counted by the law, it may still move) and the
 * reasons, the winning rule first.
 */
public record RouteResult(Route route, String leadDepartment, List<String> coDepartments, OffsetDateTime deadline,
    @Schema(description = WorkingCalendar.PROVISIONAL_DESCRIPTION) boolean provisional, List<Reason> reasons) {

  public record Reason(String rule, String message) {}

  public RouteResult {
    coDepartments = List.copyOf(coDepartments);
    reasons = List.copyOf(reasons);
  }

  public String winningRule() {
    return reasons.get(0).rule();
  }
}
