package cn.shangliang.organisation;

import java.text.Collator;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/**
 * People as staff see them: by name (李委员), never by account. Forms offer them as pick lists
 * ({@code [{"label": "李委员", "value": "member1"}]}, the shape Camunda Forms' {@code valuesKey} reads) and pages
 * show the name where the records keep the account. Reads the identity service without the caller's grants: a
 * member picking fellow members may not read users in Camunda's own terms.
 */
@Component
public class People {
  /** Pinyin order where the JDK has it, so 王 comes after 李 as people expect in a list. */
  private static final Comparator<Object> CHINESE = Collator.getInstance(Locale.CHINA);

  private final IdentityService identity;

  public People(IdentityService identity) {
    this.identity = identity;
  }

  /** How a user is named to people: surname first (李 + 委员 = 李委员), else the account itself. */
  public static String nameOf(User user, String fallback) {
    if (user == null) return fallback;
    String name = Stream.of(user.getLastName(), user.getFirstName()).filter(part -> part != null && !part.isBlank())
        .map(String::strip).collect(Collectors.joining());
    return name.isEmpty() ? fallback : name;
  }

  /** The name of an account; the account itself when nobody has it (a deleted user stays readable). */
  public String name(String userId) {
    if (userId == null || userId.isBlank()) return userId;
    return nameOf(identity.createUserQuery().userId(userId).singleResult(), userId);
  }

  /** The names of several accounts at once, in the order given: one query, not one per account. */
  public Map<String, String> names(List<String> userIds) {
    String[] accounts = userIds.stream().filter(id -> id != null && !id.isBlank()).distinct().toArray(String[]::new);
    Map<String, User> users = accounts.length == 0 ? Map.of() : identity.createUserQuery().userIdIn(accounts).list().stream()
        .collect(Collectors.toMap(User::getId, user -> user, (a, b) -> a));
    Map<String, String> names = new LinkedHashMap<>();
    for (String id : userIds) names.put(id, id == null || id.isBlank() ? id : nameOf(users.get(id), id));
    return names;
  }

  /** The members of a group as form options, by name in pinyin order. */
  public List<Map<String, String>> options(String groupId) {
    return identity.createUserQuery().memberOfGroup(groupId).list().stream()
        .map(user -> Map.of("label", nameOf(user, user.getId()), "value", user.getId()))
        .sorted(Comparator.comparing((Map<String, String> option) -> option.get("label"), CHINESE))
        .toList();
  }

  /** Whether the account exists and belongs to the group: what a submitted pick is checked against. */
  public boolean isIn(String userId, String groupId) {
    return userId != null && identity.createUserQuery().userId(userId).memberOfGroup(groupId).count() > 0;
  }
}
