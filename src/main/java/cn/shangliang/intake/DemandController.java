package cn.shangliang.intake;

import cn.shangliang.routing.RouteResult;
import cn.shangliang.sla.WorkingCalendar;
import cn.shangliang.system.DepartmentScope;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

@RestController
@RequestMapping("/api/demands")
@Tag(name = "诉求 Demands")
class DemandController {

  record Created(String id, String trackingCode, String status, String processInstanceId, RouteResult route,
      List<DuplicateFinder.Candidate> duplicateCandidates, @JsonInclude(JsonInclude.Include.NON_NULL) String accessCode) {}

  record AccessCodeIssued(String id, String trackingCode, String accessCode, OffsetDateTime issuedAt) {}

  record MergeRequest(@NotBlank(message = "请指定并入的诉求（编号或受理编号）") String into) {}

  private final IntakeService intake;
  private final DemandQueries queries;
  private final MergeService merges;

  DemandController(IntakeService intake, DemandQueries queries, MergeService merges) {
    this.intake = intake;
    this.queries = queries;
    this.merges = merges;
  }

  @PostMapping
  @PreAuthorize("hasAnyAuthority('intake', 'member', 'liaison-office', 'admin')")
  @Operation(summary = "Register a demand; it is routed at once. A repeated externalId / Idempotency-Key returns the first (200)")
  ResponseEntity<Created> submit(@Valid @RequestBody DemandRequest request,
      @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey, Authentication user) {
    IntakeService.Submitted submitted = intake.submit(request, idempotencyKey, user.getName());
    Demand demand = submitted.demand();
    Created body = new Created(String.valueOf(demand.getId()), demand.getTrackingCode(), demand.getStatus().name(),
        demand.getProcessInstanceId(), submitted.route(), submitted.duplicates(), submitted.accessCode());
    URI location = ServletUriComponentsBuilder.fromCurrentRequestUri().path("/{id}").buildAndExpand(demand.getId()).toUri();
    return ResponseEntity.status(submitted.created() ? HttpStatus.CREATED : HttpStatus.OK).location(location).body(body);
  }

  @GetMapping("/{id}")
  @Operation(summary = "The full staff view of a demand (by id or tracking code): route, steps, open tasks, deadlines, history")
  DemandView view(@PathVariable String id, Authentication user) {
    Demand demand = queries.find(id);
    checkDepartmentMayRead(demand, user);
    return queries.view(demand);
  }

  @PostMapping("/{id}/merge")
  @PreAuthorize("hasAnyAuthority('intake', 'liaison-office', 'admin')")
  @Operation(summary = "并单: merge this demand into an existing matter; it keeps its own submitter and tracking code")
  DemandView merge(@PathVariable String id, @Valid @RequestBody MergeRequest request, Authentication user) {
    Demand merged = merges.merge(id, request.into(), user.getName());
    return queries.view(merged);
  }

  @PostMapping("/{id}/access-code")
  @PreAuthorize("hasAnyAuthority('intake', 'liaison-office', 'admin')")
  @Operation(summary = "重新发放查询码：生成新的查询码（原码作废），只在本次应答中显示一次，供工作人员告知提交人")
  ResponseEntity<AccessCodeIssued> reissueAccessCode(@PathVariable String id, Authentication user) {
    IntakeService.Reissued issued = intake.reissueAccessCode(id, user.getName());
    return ResponseEntity.status(HttpStatus.CREATED).body(new AccessCodeIssued(String.valueOf(issued.demandId()),
        issued.trackingCode(), issued.accessCode(), WorkingCalendar.inChina(issued.issuedAt())));
  }

  /** A user who is only department staff sees the demands routed to its department(s), nothing else. */
  private void checkDepartmentMayRead(Demand demand, Authentication user) {
    DepartmentScope.of(user).filter(scope -> !scope.coversAny(queries.departmentsOf(demand))).ifPresent(scope -> {
      throw new AccessDeniedException("not a demand of this department");
    });
  }
}
