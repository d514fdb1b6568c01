package cn.shangliang.proposal;

import cn.shangliang.system.DepartmentScope;
import cn.shangliang.system.InvalidRequestException;
import io.swagger.v3.oas.annotations.Operation;
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
  @Operation(summary = "Proposals, newest first, filtered by status, reply class and lead unit")
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
  @Operation(summary = "One proposal (by id or number such as 2026-001) with its matters, contacts, replies, evaluations, "
      + "follow-up reviews, forwarded reports and history")
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
  @Operation(summary = "Per lead unit: proposals by reply class, average days to the first reply, on-time replies, follow-ups pending")
  List<ProposalQueries.UnitStatistics> statistics(@RequestParam(required = false) Integer year) {
    return queries.statistics(year);
  }
}
