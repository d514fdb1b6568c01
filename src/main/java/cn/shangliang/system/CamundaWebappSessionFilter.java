package cn.shangliang.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.List;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Single sign-on with the Camunda webapps: someone logged in to Tasklist or Cockpit is logged in to our
 * pages and API too, with their Camunda groups. Only for reading (GET/HEAD): a write through the API
 * from a browser session would be open to cross-site request forgery, so writes need HTTP Basic — and a write
 * sent with the session alone is told so (see SecurityConfig), not asked to log in.
 */
class CamundaWebappSessionFilter extends OncePerRequestFilter {
  private static final String ENGINE = "default";
  /** Set on a write sent with a webapp session alone: the refusal then says that writes need HTTP Basic. */
  static final String SESSION_WRITE = CamundaWebappSessionFilter.class.getName() + ".SESSION_WRITE";

  /** The webapps authenticate their own requests. */
  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return request.getRequestURI().startsWith(request.getContextPath() + "/camunda/");
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    boolean safe = "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
    HttpSession session = request.getSession(false);
    UserAuthentication user = session == null || SecurityContextHolder.getContext().getAuthentication() != null
        || request.getHeader("Authorization") != null ? null : webappUser(session);
    if (user != null && safe) {
      List<SimpleGrantedAuthority> authorities = user.getGroupIds() == null ? List.of()
          : user.getGroupIds().stream().map(SimpleGrantedAuthority::new).toList();
      var context = SecurityContextHolder.createEmptyContext();
      context.setAuthentication(new UsernamePasswordAuthenticationToken(user.getName(), null, authorities));
      SecurityContextHolder.setContext(context);
    } else if (user != null) {
      request.setAttribute(SESSION_WRITE, user.getName());
    }
    chain.doFilter(request, response);
  }

  private static UserAuthentication webappUser(HttpSession session) {
    Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
    return authentications != null && authentications.getAuthenticationForProcessEngine(ENGINE) instanceof UserAuthentication user
        ? user : null;
  }
}
