package cn.shangliang.organisation;

import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * Object-level access of department staff: a user whose groups are all {@code dept-<code>} sees only the
 * records of those departments. Everybody else is limited by role alone.
 */
public record DepartmentScope(Set<String> departments) {
  private static final String PREFIX = "dept-";

  /** The departments the user is limited to, or empty when the user is more than department staff. */
  public static Optional<DepartmentScope> of(Authentication user) {
    Set<String> groups = user.getAuthorities().stream().map(GrantedAuthority::getAuthority).collect(Collectors.toSet());
    if (!groups.isEmpty() && !groups.stream().allMatch(g -> g.startsWith(PREFIX))) return Optional.empty();
    return Optional.of(new DepartmentScope(groups.stream().map(g -> g.substring(PREFIX.length())).collect(Collectors.toSet())));
  }

  /** Whether one of these department codes is the user's. */
  public boolean coversAny(Collection<String> departmentCodes) {
    return departmentCodes.stream().anyMatch(departments::contains);
  }
}
