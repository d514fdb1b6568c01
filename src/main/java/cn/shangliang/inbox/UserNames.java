package cn.shangliang.inbox;

import cn.shangliang.organisation.People;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;

/** How a user is named to people: surname first as in Chinese (李 + 委员 = 李委员), else the user id. */
final class UserNames {
  private UserNames() {}

  /** Inside a command: read without the caller's authorizations (a member may not read other users). */
  static String of(String userId, CommandContext context) {
    User user = context.runWithoutAuthorization(() -> context.getReadOnlyIdentityProvider().findUserById(userId));
    return user == null ? userId : name(user, userId);
  }

  static String name(User user, String fallback) {
    return People.nameOf(user, fallback);
  }
}
