package cn.shangliang.platforms;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** 协商平台: the registry, its members, its "六有" checks and its activity. Staff read; the liaison office and admins write. */
@RestController
@RequestMapping("/api/platforms")
@Tag(name = "协商平台 Platforms")
class PlatformController {
  record CreateRequest(String name, String kind, String township, String village, String address) {}

  record MembersRequest(List<String> members) {}

  record CheckRequest(String item, Boolean met, String evidence, LocalDate checkedOn) {}

  private final Platforms platforms;

  PlatformController(Platforms platforms) {
    this.platforms = platforms;
  }

  @GetMapping
  @Operation(summary = "协商平台列表", description = "可按乡镇、类型和是否达到“六有”标准（compliant）筛选。")
  List<Platforms.PlatformView> list(@RequestParam(required = false) String township, @RequestParam(required = false) String kind,
      @RequestParam(required = false) Boolean compliant) {
    return platforms.list(township, kind, compliant);
  }

  @PostMapping
  @PreAuthorize("hasAnyAuthority('admin', 'liaison-office')")
  @Operation(summary = "登记协商平台", description = "类型 kind：CONSULTATION_ROOM（协商议事室）、MEMBER_STUDIO（委员工作室）、"
      + "OPINION_STATION（社情民意驿站）、CONSULTATION_PLATFORM（有事好商量协商平台）。")
  @ApiResponse(responseCode = "201", description = "已登记", useReturnTypeSchema = true)
  @ApiResponse(responseCode = "409", description = "该乡镇已有同名的平台")
  ResponseEntity<Platforms.PlatformView> create(@RequestBody CreateRequest body, Authentication user) {
    return ResponseEntity.status(201).body(platforms.create(body.name(), body.kind(), body.township(), body.village(),
        body.address(), user.getName()));
  }

  @GetMapping("/{id}")
  @Operation(summary = "查看协商平台", description = "平台及其联系委员和现行“六有”各项的情况。")
  Platforms.PlatformView one(@PathVariable long id) {
    return platforms.view(id);
  }

  @PutMapping("/{id}/members")
  @PreAuthorize("hasAnyAuthority('admin', 'liaison-office')")
  @Operation(summary = "设置平台的联系委员", description = "以请求中的名单替换现有名单。")
  Platforms.PlatformView members(@PathVariable long id, @RequestBody MembersRequest body) {
    return platforms.linkMembers(id, body.members() == null ? List.of() : body.members());
  }

  @PostMapping("/{id}/checks")
  @PreAuthorize("hasAnyAuthority('admin', 'liaison-office')")
  @Operation(summary = "记录“六有”检查", description = "检查一项“六有”标准（PLACE 有场所、SIGN 有标识、FACILITIES 有设施、RULES 有制度、"
      + "FUNDING 有经费、ACTIVITIES 有活动）是否达到，附佐证和检查日期。")
  @ApiResponse(responseCode = "201", description = "已记录：平台的最新情况", useReturnTypeSchema = true)
  ResponseEntity<Platforms.PlatformView> check(@PathVariable long id, @RequestBody CheckRequest body, Authentication user) {
    return ResponseEntity.status(201).body(platforms.check(id, body.item(), body.met(), body.evidence(), body.checkedOn(),
        user.getName()));
  }

  @GetMapping("/{id}/activity")
  @Operation(summary = "协商平台的活动统计", description = "某年（year）每月：开展的协商、协商的事项、解决的问题和参与的委员。")
  Platforms.Activity activity(@PathVariable long id, @RequestParam int year) {
    return platforms.activity(id, year);
  }
}
