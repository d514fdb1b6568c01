package cn.shangliang.inbox;

import java.util.stream.Collectors;
import java.util.stream.Stream;
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
    String name = Stream.of(user.getLastName(), user.getFirstName()).filter(part -> part != null && !part.isBlank())
        .map(String::strip).collect(Collectors.joining());
    return name.isEmpty() ? fallback : name;
  }
}
