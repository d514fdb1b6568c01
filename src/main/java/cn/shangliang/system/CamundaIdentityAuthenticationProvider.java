package cn.shangliang.system;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Users and groups live in Camunda's identity service (managed in the Admin webapp): HTTP Basic logins
 * are checked there, and the user's Camunda groups become its authorities (group id = authority). An account
 * Camunda has locked after wrong passwords is refused with {@link LoginLocks.Locked} saying for how long.
 */
@Component
class CamundaIdentityAuthenticationProvider implements AuthenticationProvider {
  private final IdentityService identityService;
  private final LoginLocks locks;

  CamundaIdentityAuthenticationProvider(IdentityService identityService, LoginLocks locks) {
    this.identityService = identityService;
    this.locks = locks;
  }

  @Override
  public Authentication authenticate(Authentication authentication) {
    String user = authentication.getName();
    Object credentials = authentication.getCredentials();
    if (user == null || user.isBlank() || credentials == null
        || !identityService.checkPassword(user, credentials.toString())) {
      // after a wrong password the account is locked for a while: say so, and for how long
      locks.of(user).ifPresent(lock -> {
        throw new LoginLocks.Locked(lock);
      });
      throw new BadCredentialsException("用户名或密码错误");
    }
    return new UsernamePasswordAuthenticationToken(user, null, authoritiesOf(identityService, user));
  }

  static List<GrantedAuthority> authoritiesOf(IdentityService identityService, String user) {
    return identityService.createGroupQuery().groupMember(user).list().stream()
        .map(Group::getId)
        .<GrantedAuthority>map(SimpleGrantedAuthority::new)
        .toList();
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }
}
