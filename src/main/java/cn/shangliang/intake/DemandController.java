package cn.shangliang.intake;

import cn.shangliang.organisation.DepartmentScope;
import cn.shangliang.routing.RouteResult;
import cn.shangliang.system.ChinaTime;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
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
import org.springframework.web.bind.annotation.RequestParam;
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
  private final DemandList list;

  DemandController(IntakeService intake, DemandQueries queries, MergeService merges, DemandList list) {
    this.intake = intake;
    this.queries = queries;
    this.merges = merges;
    this.list = list;
  }

  @PostMapping
  @PreAuthorize("hasAnyAuthority('intake', 'member', 'liaison-office', 'admin')")
  @Operation(summary = "登记诉求", description = "登记一条诉求并立即按规则分流（当场答复、部门限时答复或提案），启动其办理流程。"
      + "同一 externalId 或 Idempotency-Key 再次提交时不新建，答 200 并返回第一次登记的诉求。")
  @ApiResponse(responseCode = "201", description = "已登记：Location 指向新诉求，答复含受理编号、分流结果和疑似重复的诉求",
      useReturnTypeSchema = true)
  @ApiResponse(responseCode = "200", description = "重复提交：第一次登记的诉求，未新建", useReturnTypeSchema = true)
  ResponseEntity<Created> submit(@Valid @RequestBody DemandRequest request,
      @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey, Authentication user) {
    IntakeService.Submitted submitted = intake.submit(request, idempotencyKey, user.getName());
    Demand demand = submitted.demand();
    Created body = new Created(String.valueOf(demand.getId()), demand.getTrackingCode(), demand.getStatus().name(),
        demand.getProcessInstanceId(), submitted.route(), submitted.duplicates(), submitted.accessCode());
    URI location = ServletUriComponentsBuilder.fromCurrentRequestUri().path("/{id}").buildAndExpand(demand.getId()).toUri();
    return ResponseEntity.status(submitted.created() ? HttpStatus.CREATED : HttpStatus.OK).location(location).body(body);
  }

  @GetMapping
  @Operation(summary = "诉求列表", description = "最新的在前，可按乡镇（township）、村（village）、状态（status）、类别（category）"
      + "和登记时间（from 含、to 不含，ISO 时间如 2026-11-23T10:00:00+08:00）筛选；limit 为 1 到 200，默认 50。"
      + "下一页用应答中的 next 作 after 参数（最后一页 next 为空）。部门用户只看到分给本部门承办或会办的诉求。")
  @ApiResponse(responseCode = "200", description = "一页诉求和下一页的位置", useReturnTypeSchema = true)
  @ApiResponse(responseCode = "400", description = "筛选条件、limit 或 after 无效（逐项说明）")
  DemandList.Page list(@RequestParam(required = false) String township, @RequestParam(required = false) String village,
      @RequestParam(required = false) String status, @RequestParam(required = false) String category,
      @RequestParam(required = false) String from, @RequestParam(required = false) String to,
      @RequestParam(required = false) String after, @RequestParam(defaultValue = "50") String limit, Authentication user) {
    ListRequest request = ListRequest.of(township, village, status, category, from, to, after, limit);
    var departments = DepartmentScope.of(user).map(DepartmentScope::departments).orElse(null);
    return list.list(request.filter(departments), request.after(), request.limit());
  }

  @GetMapping("/{id}")
  @Operation(summary = "查看诉求详情", description = "工作人员视图（按编号或受理编号）：提交人、分流结果、已完成的步骤、待办任务、时限、"
      + "超期记录和办理历史。部门用户只能看本部门承办的诉求。")
  @ApiResponse(responseCode = "200", description = "诉求详情", useReturnTypeSchema = true)
  @ApiResponse(responseCode = "403", description = "部门用户查看非本部门承办的诉求")
  DemandView view(@PathVariable String id, Authentication user) {
    Demand demand = queries.find(id);
    checkDepartmentMayRead(demand, user);
    return queries.view(demand);
  }

  @PostMapping("/{id}/merge")
  @PreAuthorize("hasAnyAuthority('intake', 'liaison-office', 'admin')")
  @Operation(summary = "并单", description = "把这条诉求并入已有的事项（into：编号或受理编号）；它保留自己的提交人和受理编号，"
      + "随主事项办理和公示。")
  @ApiResponse(responseCode = "200", description = "已并入：并入后的诉求", useReturnTypeSchema = true)
  @ApiResponse(responseCode = "404", description = "诉求或要并入的事项不存在")
  @ApiResponse(responseCode = "409", description = "不能并入：并入自身、已并入其他事项、目标已办结或已有并入的诉求；"
      + "或同一记录刚被他人修改（可重试）")
  DemandView merge(@PathVariable String id, @Valid @RequestBody MergeRequest request, Authentication user) {
    Demand merged = merges.merge(id, request.into(), user.getName());
    return queries.view(merged);
  }

  @PostMapping("/{id}/access-code")
  @PreAuthorize("hasAnyAuthority('intake', 'liaison-office', 'admin')")
  @Operation(summary = "重新发放查询码", description = "为提交人生成新的查询码（原码作废），只在本次应答中显示一次，"
      + "供工作人员告知提交人；设置了短信网关时同时发短信。诉求的办理经过记录由谁发放。")
  @ApiResponse(responseCode = "201", description = "新的查询码", useReturnTypeSchema = true)
  ResponseEntity<AccessCodeIssued> reissueAccessCode(@PathVariable String id, Authentication user) {
    IntakeService.Reissued issued = intake.reissueAccessCode(id, user.getName());
    return ResponseEntity.status(HttpStatus.CREATED).body(new AccessCodeIssued(String.valueOf(issued.demandId()),
        issued.trackingCode(), issued.accessCode(), ChinaTime.of(issued.issuedAt())));
  }

  /** A user who is only department staff sees the demands routed to its department(s), nothing else. */
  private void checkDepartmentMayRead(Demand demand, Authentication user) {
    DepartmentScope.of(user).filter(scope -> !scope.coversAny(queries.departmentsOf(demand))).ifPresent(scope -> {
      throw new AccessDeniedException("not a demand of this department");
    });
  }
}
