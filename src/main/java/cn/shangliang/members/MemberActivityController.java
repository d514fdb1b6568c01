package cn.shangliang.members;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/members")
@Tag(name = "委员履职档案 Members' activity")
class MemberActivityController {
  private static final List<String> OVERSEERS = List.of("admin", "liaison-office", "leadership", "supervisor");

  private final MemberActivity activity;
  private final Clock clock;

  MemberActivityController(MemberActivity activity, Clock clock) {
    this.activity = activity;
    this.clock = clock;
  }

  @GetMapping("/{id}/activity")
  @Operation(summary = "A member's activity in a month (default: this month): demands collected, investigations, "
      + "meetings attended, on-site answers, proposals")
  MemberActivity.Activity ofMember(@PathVariable String id, @RequestParam(required = false) String month, Authentication user) {
    if (!user.getName().equals(id) && !oversees(user)) throw new AccessDeniedException("only the member and the office");
    return activity.of(id, month(month));
  }

  @GetMapping("/activity")
  @Operation(summary = "The monthly summary of all members, most active first")
  MemberActivity.Summary summary(@RequestParam(required = false) String month, Authentication user) {
    if (!oversees(user)) throw new AccessDeniedException("only the office");
    return activity.summary(month(month));
  }

  private YearMonth month(String text) {
    if (text == null || text.isBlank()) return YearMonth.now(clock.withZone(cn.shangliang.sla.WorkingCalendar.CHINA));
    try {
      return YearMonth.parse(text.strip());
    } catch (DateTimeParseException e) {
      throw new cn.shangliang.system.InvalidRequestException(List.of(
          new cn.shangliang.system.InvalidRequestException.FieldError("month", "月份格式应为 2026-11")));
    }
  }

  private static boolean oversees(Authentication user) {
    return user.getAuthorities().stream().map(GrantedAuthority::getAuthority).anyMatch(OVERSEERS::contains);
  }
}
