package cn.shangliang.notifications;

import io.swagger.v3.oas.annotations.Operation;
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
  @Operation(summary = "My notifications (direct and through my groups), newest first")
  List<Notifications.Notification> mine(@RequestParam(defaultValue = "false") boolean unread,
      @RequestParam(defaultValue = "50") int limit, Authentication user) {
    return notifications.of(user.getName(), groups(user), unread, Math.max(1, Math.min(limit, 500)));
  }

  @GetMapping("/count")
  @Operation(summary = "How many are unread (the badge)")
  Map<String, Integer> unread(Authentication user) {
    return Map.of("unread", notifications.of(user.getName(), groups(user), true, Integer.MAX_VALUE).size());
  }

  @PostMapping("/{id}/read")
  @Operation(summary = "Mark one of my notifications read")
  ResponseEntity<Void> read(@PathVariable long id, Authentication user) {
    notifications.markRead(user.getName(), groups(user), id);
    return ResponseEntity.noContent().build();
  }
}
