package cn.shangliang.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.camunda.bpm.webapp.impl.security.filter.util.CsrfConstants;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Single sign-on with the Camunda webapps: someone logged in to Tasklist or Cockpit is logged in to our
 * pages and API too, with their Camunda groups. Reads (GET/HEAD) need the session alone. A write through
 * {@code /api} from a browser session would be open to cross-site request forgery, so it must also carry the
 * session's CSRF token in {@code X-XSRF-TOKEN} — the token Camunda's CsrfPreventionFilter keeps in the session
 * for the webapps, which another site's page cannot read (our pages learn it from {@code /login/token}, same origin
 * only). A write without it, or with a wrong one, and any session write to {@code /engine-rest}, is refused with
 * 403 saying why (see SecurityConfig), not asked to log in; HTTP Basic writes are unaffected.
 */
class CamundaWebappSessionFilter extends OncePerRequestFilter {
  private static final String ENGINE = "default";
  /** Set on a write sent with a webapp session but no valid token: the refusal then says what the write needs. */
  static final String SESSION_WRITE = CamundaWebappSessionFilter.class.getName() + ".SESSION_WRITE";
  /** Where Camunda's CsrfPreventionFilter keeps the session's token, and the header its pages send it in. */
  static final String CSRF_TOKEN = CsrfConstants.CSRF_TOKEN_SESSION_ATTR_NAME;
  static final String CSRF_HEADER = CsrfConstants.CSRF_TOKEN_HEADER_NAME;

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
    if (user != null && (safe || api(request) && tokenMatches(request, session))) {
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

  /** Our API only: a session write to /engine-rest stays refused (Camunda's own webapps use /camunda/api). */
  static boolean api(HttpServletRequest request) {
    return request.getRequestURI().startsWith(request.getContextPath() + "/api/");
  }

  /** The header equals the session's token, compared in constant time; no token in the session, no match. */
  static boolean tokenMatches(HttpServletRequest request, HttpSession session) {
    Object expected = session.getAttribute(CSRF_TOKEN);
    String sent = request.getHeader(CSRF_HEADER);
    return expected != null && sent != null && !sent.isEmpty() && MessageDigest.isEqual(
        expected.toString().getBytes(StandardCharsets.UTF_8), sent.getBytes(StandardCharsets.UTF_8));
  }

  private static UserAuthentication webappUser(HttpSession session) {
    Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
    return authentications != null && authentications.getAuthenticationForProcessEngine(ENGINE) instanceof UserAuthentication user
        ? user : null;
  }
}
