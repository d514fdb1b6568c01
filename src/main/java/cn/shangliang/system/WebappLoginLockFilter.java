package cn.shangliang.system;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingRequestWrapper;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * The webapps' login form (Tasklist, Cockpit, Admin) shows the {@code message} of a refused login, and Camunda's
 * login endpoint refuses with an empty 401. For an account locked after wrong passwords the answer gets a body
 * that says so and for how long ({@link LoginLocks}); any other refusal stays as Camunda gives it.
 */
class WebappLoginLockFilter extends OncePerRequestFilter {
  static final String LOGIN = "/camunda/api/admin/auth/user/";
  private static final int MAX_FORM = 4096;

  private final LoginLocks locks;
  private final ObjectMapper objectMapper;

  WebappLoginLockFilter(LoginLocks locks, ObjectMapper objectMapper) {
    this.locks = locks;
    this.objectMapper = objectMapper;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !"POST".equals(request.getMethod()) || !request.getRequestURI().contains("/login/");
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    // Camunda reads the form itself: keep a copy of what it read, and hold the answer until it is known
    ContentCachingRequestWrapper form = new ContentCachingRequestWrapper(request, MAX_FORM);
    HeldAnswer answer = new HeldAnswer(response);
    chain.doFilter(form, answer);
    Optional<LoginLocks.Lock> lock = answer.error != null && answer.error == HttpServletResponse.SC_UNAUTHORIZED
        ? username(form).flatMap(locks::of) : Optional.empty();
    if (lock.isPresent()) {
      answer.resetBuffer();
      answer.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
      answer.setContentType(MediaType.APPLICATION_JSON_VALUE);
      answer.setCharacterEncoding(StandardCharsets.UTF_8.name());
      write(answer, Map.of("type", "LoginLocked", "message", lock.get().message()));
    } else if (answer.error != null) {
      response.sendError(answer.error); // Camunda's own refusal, answered as before
      return;
    }
    answer.copyBodyToResponse();
  }

  /**
   * The answer kept back until it is known: Jersey refuses a login with {@code sendError(401)}, which would end
   * in the error page at once; here it is only noted.
   */
  private static final class HeldAnswer extends ContentCachingResponseWrapper {
    private Integer error;

    HeldAnswer(HttpServletResponse response) {
      super(response);
    }

    @Override
    public void sendError(int status) {
      error = status;
    }

    @Override
    public void sendError(int status, String message) {
      error = status;
    }
  }

  private void write(HeldAnswer answer, Map<String, String> body) {
    try {
      objectMapper.writeValue(answer.getOutputStream(), body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Optional<String> username(ContentCachingRequestWrapper form) {
    String direct = form.getParameter("username");
    if (direct != null) return Optional.of(direct);
    for (String pair : new String(form.getContentAsByteArray(), StandardCharsets.UTF_8).split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0 && "username".equals(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8))) {
        return Optional.of(URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return Optional.empty();
  }
}
