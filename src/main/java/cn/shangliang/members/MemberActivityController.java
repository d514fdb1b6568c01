package cn.shangliang.members;

import cn.shangliang.system.ChinaTime;
import cn.shangliang.system.InvalidRequestException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
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
  @Operation(summary = "委员履职档案", description = "一位委员在某月（month，如 2026-11，默认本月）的履职情况：收集的诉求、调查、"
      + "参加的议事、当场答复和提案。委员本人和政协工委、领导、督查、管理员可看。")
  @ApiResponse(responseCode = "200", description = "该月的履职情况", useReturnTypeSchema = true)
  @ApiResponse(responseCode = "403", description = "既不是该委员本人，也不属于用户组 admin、liaison-office、leadership、supervisor")
  MemberActivity.Activity ofMember(@PathVariable String id, @RequestParam(required = false) String month, Authentication user) {
    if (!user.getName().equals(id) && !oversees(user)) throw new AccessDeniedException("only the member and the office");
    return activity.of(id, month(month));
  }

  @GetMapping("/activity")
  @Operation(summary = "委员履职月度汇总", description = "全体委员某月的履职汇总，最活跃的在前。")
  @ApiResponse(responseCode = "200", description = "该月的汇总", useReturnTypeSchema = true)
  @ApiResponse(responseCode = "403", description = "仅限用户组 admin、liaison-office、leadership、supervisor")
  MemberActivity.Summary summary(@RequestParam(required = false) String month, Authentication user) {
    if (!oversees(user)) throw new AccessDeniedException("only the office");
    return activity.summary(month(month));
  }

  private YearMonth month(String text) {
    if (text == null || text.isBlank()) return YearMonth.now(clock.withZone(ChinaTime.ZONE));
    try {
      return YearMonth.parse(text.strip());
    } catch (DateTimeParseException e) {
      throw new InvalidRequestException(List.of(
          new InvalidRequestException.FieldError("month", "月份格式应为 2026-11")));
    }
  }

  private static boolean oversees(Authentication user) {
    return user.getAuthorities().stream().map(GrantedAuthority::getAuthority).anyMatch(OVERSEERS::contains);
  }
}
