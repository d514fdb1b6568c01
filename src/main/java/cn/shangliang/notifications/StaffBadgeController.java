package cn.shangliang.notifications;

import cn.shangliang.organisation.People;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The badge in the public page's header: anonymous visitors get {@code loggedIn: false} (never a login
 * prompt), staff logged in to Tasklist their unread count. No personal data either way.
 */
@RestController
@Tag(name = "提醒 Notifications")
class StaffBadgeController {
  /** {@code user} is the account, {@code userName} how the header greets it (李委员). */
  record Badge(boolean loggedIn, String user, long unread, String userName) {}

  private final Notifications notifications;
  private final People people;

  StaffBadgeController(Notifications notifications, People people) {
    this.notifications = notifications;
    this.people = people;
  }

  @GetMapping("/api/public/staff-badge")
  @Operation(summary = "页面头部的登录状态", description = "访客是否为已登录的工作人员及其未读提醒数；匿名访客得到 loggedIn: false，"
      + "不会被要求登录。不含个人信息。upTo（可选，1 到 10000）：未读数数到这个数为止（角标显示 99+ 时给 100）。")
  Badge badge(@RequestParam(required = false) Integer upTo) {
    Integer limit = NotificationController.checkedUpTo(upTo);
    Authentication user = SecurityContextHolder.getContext().getAuthentication();
    if (user == null || user instanceof AnonymousAuthenticationToken || !user.isAuthenticated()) return new Badge(false, null, 0, null);
    return new Badge(true, user.getName(),
        notifications.unread(user.getName(), NotificationController.groups(user), limit),
        people.name(user.getName()));
  }
}
