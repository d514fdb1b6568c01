package cn.shangliang.consultation;

import cn.shangliang.system.ChinaTime;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** 划片包村 assignment table, maintained by administrators and the liaison office. */
@RestController
@RequestMapping("/api/village-assignments")
@Tag(name = "划片包村 Village assignments")
class VillageAssignmentController {

  record AssignmentView(String township, String village, String memberUserId, OffsetDateTime assignedAt, String assignedBy) {
    static AssignmentView of(VillageAssignment a) {
      return new AssignmentView(a.getTownship(), a.getVillage(), a.getMemberUserId(),
          ChinaTime.of(a.getAssignedAt()), a.getAssignedBy());
    }
  }

  record AssignRequest(
      @NotBlank(message = "乡镇（街道）不能为空") @Size(max = 100) String township,
      @NotBlank(message = "村（社区）不能为空") @Size(max = 100) String village,
      @NotBlank(message = "请指定委员") @Size(max = 64) String memberUserId) {}

  private final VillageAssignments assignments;

  VillageAssignmentController(VillageAssignments assignments) {
    this.assignments = assignments;
  }

  @GetMapping
  @Operation(summary = "划片包村表", description = "每个村（社区）及其联系委员。")
  List<AssignmentView> all() {
    return assignments.all().stream().map(AssignmentView::of).toList();
  }

  @PutMapping
  @PreAuthorize("hasAnyAuthority('admin', 'liaison-office')")
  @Operation(summary = "指定包村委员", description = "为一个村（社区）指定或更换联系委员。")
  AssignmentView assign(@Valid @RequestBody AssignRequest request, Authentication user) {
    return AssignmentView.of(assignments.assign(request.township().strip(), request.village().strip(), request.memberUserId(),
        user.getName()));
  }

  @DeleteMapping
  @PreAuthorize("hasAnyAuthority('admin', 'liaison-office')")
  @Operation(summary = "取消包村", description = "取消一个村（社区）的包村委员；此后该村的事项交政协工委。")
  @ApiResponse(responseCode = "204", description = "已取消（原本没有包村委员也答 204）")
  ResponseEntity<Void> unassign(@RequestParam String township, @RequestParam String village) {
    assignments.unassign(township, village);
    return ResponseEntity.noContent().build();
  }
}
