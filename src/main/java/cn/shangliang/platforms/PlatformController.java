package cn.shangliang.platforms;

import io.swagger.v3.oas.annotations.Operation;
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
  @Operation(summary = "Platforms, filtered by township, kind and whether they meet all of the 六有 standard")
  List<Platforms.PlatformView> list(@RequestParam(required = false) String township, @RequestParam(required = false) String kind,
      @RequestParam(required = false) Boolean compliant) {
    return platforms.list(township, kind, compliant);
  }

  @PostMapping
  @PreAuthorize("hasAnyAuthority('admin', 'liaison-office')")
  @Operation(summary = "Register a platform (kind CONSULTATION_ROOM | MEMBER_STUDIO | OPINION_STATION | CONSULTATION_PLATFORM)")
  ResponseEntity<Platforms.PlatformView> create(@RequestBody CreateRequest body, Authentication user) {
    return ResponseEntity.status(201).body(platforms.create(body.name(), body.kind(), body.township(), body.village(),
        body.address(), user.getName()));
  }

  @GetMapping("/{id}")
  @Operation(summary = "One platform with its members and the 六有 items in force")
  Platforms.PlatformView one(@PathVariable long id) {
    return platforms.view(id);
  }

  @PutMapping("/{id}/members")
  @PreAuthorize("hasAnyAuthority('admin', 'liaison-office')")
  @Operation(summary = "The members linked to the platform (replaces the list)")
  Platforms.PlatformView members(@PathVariable long id, @RequestBody MembersRequest body) {
    return platforms.linkMembers(id, body.members() == null ? List.of() : body.members());
  }

  @PostMapping("/{id}/checks")
  @PreAuthorize("hasAnyAuthority('admin', 'liaison-office')")
  @Operation(summary = "Record a check of one 六有 item (PLACE, SIGN, FACILITIES, RULES, FUNDING, ACTIVITIES) with evidence and date")
  ResponseEntity<Platforms.PlatformView> check(@PathVariable long id, @RequestBody CheckRequest body, Authentication user) {
    return ResponseEntity.status(201).body(platforms.check(id, body.item(), body.met(), body.evidence(), body.checkedOn(),
        user.getName()));
  }

  @GetMapping("/{id}/activity")
  @Operation(summary = "Consultations held, matters consulted, problems solved and members active, per month of a year")
  Platforms.Activity activity(@PathVariable long id, @RequestParam int year) {
    return platforms.activity(id, year);
  }
}
