package cn.shangliang.notifications;

import cn.shangliang.system.InvalidRequestException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The logged-in user's notifications, and the unread count for the badge in page headers. */
@RestController
@RequestMapping("/api/notifications")
@Tag(name = "提醒 Notifications")
class NotificationController {
  private final Notifications notifications;

  NotificationController(Notifications notifications) {
    this.notifications = notifications;
  }

  static List<String> groups(Authentication user) {
    return user.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
  }

  @GetMapping
  @Operation(summary = "我的提醒", description = "发给我本人和我所在用户组的提醒，最新的在前；unread=true 只看未读，limit 为 1 到 500。")
  List<Notifications.Notification> mine(@RequestParam(defaultValue = "false") boolean unread,
      @RequestParam(defaultValue = "50") int limit, Authentication user) {
    return notifications.of(user.getName(), groups(user), unread, Math.max(1, Math.min(limit, 500)));
  }

  @GetMapping("/count")
  @Operation(summary = "未读提醒数", description = "页面头部角标显示的未读提醒数。upTo（可选，1 到 10000）：数到这个数为止，"
      + "多出的不再数（角标显示 99+ 时给 100）；不给时数出全部。")
  Map<String, Long> unread(@RequestParam(required = false) Integer upTo, Authentication user) {
    return Map.of("unread", notifications.unread(user.getName(), groups(user), checkedUpTo(upTo)));
  }

  /** {@code upTo} as given, or a problem answer when it is out of range. */
  static Integer checkedUpTo(Integer upTo) {
    if (upTo != null && (upTo < 1 || upTo > 10_000)) {
      throw new InvalidRequestException(List.of(new InvalidRequestException.FieldError("upTo", "must be 1 to 10000")));
    }
    return upTo;
  }

  @PostMapping("/{id}/read")
  @Operation(summary = "标记提醒已读")
  @ApiResponse(responseCode = "204", description = "已标记为已读（重复标记也答 204）")
  @ApiResponse(responseCode = "404", description = "没有这条提醒，或它不是发给我的")
  ResponseEntity<Void> read(@PathVariable long id, Authentication user) {
    notifications.markRead(user.getName(), groups(user), id);
    return ResponseEntity.noContent().build();
  }
}
