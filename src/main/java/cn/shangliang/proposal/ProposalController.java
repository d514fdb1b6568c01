package cn.shangliang.proposal;

import cn.shangliang.organisation.DepartmentScope;
import cn.shangliang.system.InvalidRequestException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** 提案: the list with filters, one proposal with its history, and the statistics per handling unit. */
@RestController
@RequestMapping("/api/proposals")
@Tag(name = "提案 Proposals")
class ProposalController {
  private final ProposalQueries queries;
  private final ProposalService proposals;

  ProposalController(ProposalQueries queries, ProposalService proposals) {
    this.queries = queries;
    this.proposals = proposals;
  }

  @GetMapping
  @Operation(summary = "提案列表", description = "最新的在前，可按状态、答复类别（class，取现行方案中的类别代码）和主办单位筛选；"
      + "limit 为 1 到 1000。部门用户只看到本部门主办或会办的提案。")
  List<ProposalQueries.ProposalSummary> list(@RequestParam(required = false) ProposalStatus status,
      @RequestParam(name = "class", required = false) String replyClass, @RequestParam(required = false) String unit,
      @RequestParam(defaultValue = "200") int limit, Authentication user) {
    if (replyClass != null && proposals.scheme().find(replyClass).isEmpty()) {
      throw new InvalidRequestException(List.of(new InvalidRequestException.FieldError("class",
          "unknown reply class " + replyClass + "; the scheme in force has " + proposals.scheme().classes().stream()
              .map(ReplyClassScheme.ReplyClass::code).toList())));
    }
    if (limit < 1 || limit > 1000) {
      throw new InvalidRequestException(List.of(new InvalidRequestException.FieldError("limit", "must be 1 to 1000")));
    }
    var scope = DepartmentScope.of(user);
    if (scope.isEmpty()) return queries.search(status, replyClass, unit, limit);
    // department staff: the proposals their department leads or co-handles (Tasklist shows them the same)
    return queries.search(status, replyClass, unit, 1000).stream().filter(p -> scope.get().coversAny(unitsOf(p)))
        .limit(limit).toList();
  }

  @GetMapping("/{idOrNumber}")
  @Operation(summary = "查看提案", description = "按编号或提案号（如 2026-001）：所涉事项、联系沟通、答复、评价、跟踪复查、"
      + "转送的报告和历史。部门用户只能看本部门主办或会办的提案。")
  @ApiResponse(responseCode = "200", description = "提案详情", useReturnTypeSchema = true)
  @ApiResponse(responseCode = "403", description = "部门用户查看非本部门主办或会办的提案")
  ProposalQueries.ProposalDetail one(@PathVariable String idOrNumber, Authentication user) {
    ProposalQueries.ProposalDetail detail = queries.detail(idOrNumber);
    DepartmentScope.of(user).filter(scope -> !scope.coversAny(unitsOf(detail.proposal()))).ifPresent(scope -> {
      throw new AccessDeniedException("not a proposal of this department");
    });
    return detail;
  }

  private static List<String> unitsOf(ProposalQueries.ProposalSummary proposal) {
    return Stream.concat(Stream.ofNullable(proposal.leadUnit()), proposal.coUnits().stream()).toList();
  }

  @GetMapping("/statistics")
  @Operation(summary = "提案办理统计", description = "每个主办单位：各答复类别的提案数、首次答复平均天数、按时答复数、待跟踪复查数；"
      + "可按年度筛选。")
  List<ProposalQueries.UnitStatistics> statistics(@RequestParam(required = false) Integer year) {
    return queries.statistics(year);
  }
}
