package cn.shangliang.system;

import cn.shangliang.organisation.Groups;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authorization.AuthenticatedAuthorizationManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManagers;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

/**
 * Spring Security in front of everything (API.md "Running"): the public API, Open311, health and the
 * OpenAPI description are open; {@code /api/**} and {@code /engine-rest/**} need a login (HTTP Basic,
 * or for reading, the Camunda webapps' session; for writing to /api, the session with its CSRF token); the webapps do their own login, except that the Admin
 * app's first-run setup endpoint is unreachable (CVE-2026-77226). A browser opening one of our pages without a
 * login is sent to the Chinese login page (which logs in to the webapps' session), and one refused a page gets a
 * Chinese page ({@link BrowserPages}); API clients get 401/403 problem JSON as before.
 */
@Configuration
@EnableMethodSecurity
class SecurityConfig {

  static final String[] PUBLIC = {
      "/api/public/**", "/open311/**", "/public", "/public/**", "/actuator/health", "/actuator/health/**",
      "/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml", "/swagger-ui/**", "/swagger-ui.html", "/error", "/favicon.ico",
      "/assets/**", "/webjars/**", BrowserPages.LOGIN, BrowserPages.LOGIN + "/**"};

  /** Who is logged in and what their roles open (the home page): any login, designers' too. */
  static final String[] ANY_LOGIN = {"/api/me"};

  /** The administrators' API: group admin only, whatever its controllers say (DESIGNER_API aside). */
  static final String ADMIN_API = "/api/admin/**";

  /** The part of the administrators' API 流程设计员 share: the rules in force, their refusals, reloading them. */
  static final String[] DESIGNER_API = {"/api/admin/rules", "/api/admin/rules/reload"};

  /** What designers try a rule change with: routing and deadlines as computed, no matter read. */
  static final String[] DESIGNER_CHECKS = {"/api/routing/preview", "/api/calendar/deadline", "/api/calendar/years"};

  /** Matters and the office's records: any login of the office's staff, never a designer's only. */
  static final String[] STAFF_ONLY = {"/api/**", "/platforms", "/platforms/**"};

  /** Who opens which staff page; the home page offers a page by the same lists ({@link #opens}). */
  static final String[] DASHBOARD_GROUPS = {Groups.SUPERVISOR, Groups.LEADERSHIP, Groups.ADMIN};
  static final String[] CALENDAR_GROUPS = {Groups.LIAISON_OFFICE, Groups.SUPERVISOR, Groups.LEADERSHIP, Groups.ADMIN};
  static final String[] RULES_STATE_GROUPS = {Groups.ADMIN, Groups.PROCESS_DESIGNER};

  @Bean
  SecurityFilterChain securityFilterChain(HttpSecurity http, ObjectMapper objectMapper) throws Exception {
    AuthenticationEntryPoint unauthorized = (request, response, e) -> {
      if (request.getHeader("Authorization") == null && BrowserPages.wanted(request)) {
        BrowserPages.toLogin(request, response); // a person opening a page: the login page, not a password dialog
        return;
      }
      if (request.getAttribute(CamundaWebappSessionFilter.SESSION_WRITE) != null) {
        // logged in, but through a web page: no WWW-Authenticate, the browser must not ask for a password
        refuseSessionWrite(objectMapper, request, response);
        return;
      }
      response.setHeader("WWW-Authenticate", "Basic realm=\"shangliang\", charset=\"UTF-8\"");
      if (e instanceof LoginLocks.Locked locked) {
        if (!locked.lock().permanent()) response.setHeader("Retry-After", String.valueOf(locked.lock().left().toSeconds()));
        writeRefusal(objectMapper, request, response, HttpStatus.UNAUTHORIZED, locked.getMessage());
        return;
      }
      writeProblem(objectMapper, response, HttpStatus.UNAUTHORIZED, "需要登录（HTTP Basic 或已登录的 Tasklist 会话）");
    };
    AccessDeniedHandler forbidden = (request, response, e) -> {
      if (BrowserPages.wanted(request)) BrowserPages.write(response, HttpStatus.FORBIDDEN, "当前用户无权打开此页面");
      else writeProblem(objectMapper, response, HttpStatus.FORBIDDEN, "当前用户无权执行此操作");
    };
    http
        // a session write to /api needs the session's CSRF token (CamundaWebappSessionFilter), HTTP Basic none;
        // the webapps carry their own CSRF filter
        .csrf(AbstractHttpConfigurer::disable)
        // the webapps' session is Camunda's: never rotate its id from here (concurrent requests of a page
        // would carry the old id and log the user out of Tasklist)
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS).sessionFixation(f -> f.none()))
        .authorizeHttpRequests(a -> a
            .requestMatchers("/camunda/api/admin/setup/**").denyAll()
            .requestMatchers(PUBLIC).permitAll()
            .requestMatchers("/camunda/**").permitAll()
            .requestMatchers(DESIGNER_API).hasAnyAuthority(Groups.ADMIN, Groups.PROCESS_DESIGNER)
            .requestMatchers(ADMIN_API).hasAuthority(Groups.ADMIN)
            // role checks of writes before the body is read: a caller without the role gets 403, never a 400
            // that tells it how to shape the request (the controllers' @PreAuthorize say the same)
            .requestMatchers(HttpMethod.POST, "/api/demands").hasAnyAuthority(Groups.INTAKE, Groups.MEMBER, Groups.LIAISON_OFFICE, Groups.ADMIN)
            .requestMatchers(HttpMethod.POST, "/api/demands/*/merge", "/api/demands/*/evaluation", "/api/demands/*/access-code")
                .hasAnyAuthority(Groups.INTAKE, Groups.LIAISON_OFFICE, Groups.ADMIN)
            .requestMatchers(HttpMethod.POST, "/api/demands/*/online-round/**").hasAnyAuthority(Groups.CONVENOR, Groups.ADMIN)
            .requestMatchers(HttpMethod.PUT, "/api/village-assignments").hasAnyAuthority(Groups.LIAISON_OFFICE, Groups.ADMIN)
            .requestMatchers(HttpMethod.DELETE, "/api/village-assignments").hasAnyAuthority(Groups.LIAISON_OFFICE, Groups.ADMIN)
            .requestMatchers(HttpMethod.POST, "/api/platforms", "/api/platforms/*/checks").hasAnyAuthority(Groups.LIAISON_OFFICE, Groups.ADMIN)
            .requestMatchers(HttpMethod.PUT, "/api/platforms/*/members").hasAnyAuthority(Groups.LIAISON_OFFICE, Groups.ADMIN)
            .requestMatchers("/dashboard/dashboard.css").authenticated() // shared by the staff pages
            .requestMatchers("/dashboard", "/dashboard/**").hasAnyAuthority(DASHBOARD_GROUPS)
            .requestMatchers("/calendar", "/calendar/**").hasAnyAuthority(CALENDAR_GROUPS)
            .requestMatchers("/rules-state", "/rules-state/**").hasAnyAuthority(RULES_STATE_GROUPS)
            .requestMatchers("/actuator/**").hasAnyAuthority(Groups.ADMIN, Groups.SUPERVISOR)
            .requestMatchers(DESIGNER_CHECKS).authenticated()
            .requestMatchers(ANY_LOGIN).authenticated()
            .requestMatchers(STAFF_ONLY).access(AuthorizationManagers.allOf(AuthenticatedAuthorizationManager.authenticated(),
                AuthorizationManagers.not(SecurityConfig::designerOnly)))
            .anyRequest().authenticated())
        .httpBasic(b -> b.authenticationEntryPoint(unauthorized))
        .exceptionHandling(e -> e.authenticationEntryPoint(unauthorized).accessDeniedHandler(forbidden))
        .addFilterBefore(new CamundaWebappSessionFilter(), BasicAuthenticationFilter.class);
    return http.build();
  }

  /** Granted when every group of the caller is process-designer: a designer, and nothing else in the office. */
  private static AuthorizationDecision designerOnly(Supplier<Authentication> authentication, Object request) {
    return new AuthorizationDecision(designerOnly(authentication.get().getAuthorities().stream()
        .map(GrantedAuthority::getAuthority).toList()));
  }

  static boolean designerOnly(Collection<String> groups) {
    return !groups.isEmpty() && groups.stream().allMatch(Groups.PROCESS_DESIGNER::equals);
  }

  /** Whether the rules above let someone of these groups open one of our pages (the home page's offer). */
  static boolean opens(String page, Collection<String> groups) {
    return switch (page) {
      case "/dashboard" -> Arrays.stream(DASHBOARD_GROUPS).anyMatch(groups::contains);
      case "/calendar" -> Arrays.stream(CALENDAR_GROUPS).anyMatch(groups::contains);
      case "/rules-state" -> Arrays.stream(RULES_STATE_GROUPS).anyMatch(groups::contains);
      case "/platforms" -> !designerOnly(groups);
      case "/public" -> true;
      default -> throw new IllegalArgumentException("no rule for the page " + page);
    };
  }

  static final String SESSION_WRITE_REFUSED = "写操作需使用 HTTP Basic 认证（API 客户端）；网页会话只能读取";
  static final String SESSION_WRITE_WITHOUT_TOKEN = "网页会话的写操作须带上本会话的 CSRF 令牌（X-XSRF-TOKEN 请求头）："
      + "令牌缺失或不符，请刷新页面后重试；API 客户端请使用 HTTP Basic 认证";
  /** Problem JSON property telling a page that the token, not the role, was missing (it says so, not "no right"). */
  static final String CSRF_TOKEN_REQUIRED = "csrfTokenRequired";

  /**
   * A write with the webapps' session but without its valid CSRF token: 403 saying what is missing. Outside /api
   * (/engine-rest above all) no token helps: no session write at all, said as before (Camunda's error JSON there).
   */
  private static void refuseSessionWrite(ObjectMapper objectMapper, HttpServletRequest request,
      HttpServletResponse response) throws IOException {
    if (!CamundaWebappSessionFilter.api(request)) {
      writeRefusal(objectMapper, request, response, HttpStatus.FORBIDDEN, SESSION_WRITE_REFUSED);
      return;
    }
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, SESSION_WRITE_WITHOUT_TOKEN);
    problem.setProperty(CSRF_TOKEN_REQUIRED, true);
    writeProblem(objectMapper, response, problem);
  }

  /** Problem JSON, or on /engine-rest the error JSON of Camunda's REST API ({@code type}, {@code message}). */
  static void writeRefusal(ObjectMapper objectMapper, HttpServletRequest request, HttpServletResponse response,
      HttpStatus status, String message) throws IOException {
    if (!request.getRequestURI().startsWith(request.getContextPath() + "/engine-rest")) {
      writeProblem(objectMapper, response, status, message);
      return;
    }
    response.setStatus(status.value());
    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
    response.setCharacterEncoding("UTF-8");
    String type = status == HttpStatus.FORBIDDEN ? "AuthorizationException" : "AuthenticationException";
    objectMapper.writeValue(response.getOutputStream(), Map.of("type", type, "message", message));
  }

  static void writeProblem(ObjectMapper objectMapper, HttpServletResponse response, HttpStatus status, String detail)
      throws IOException {
    writeProblem(objectMapper, response, ProblemDetail.forStatusAndDetail(status, detail));
  }

  private static void writeProblem(ObjectMapper objectMapper, HttpServletResponse response, ProblemDetail problem)
      throws IOException {
    problem.setType(URI.create("about:blank"));
    response.setStatus(problem.getStatus());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.setCharacterEncoding("UTF-8");
    objectMapper.writeValue(response.getOutputStream(), problem);
  }

  /** After Spring Security: the engine runs /engine-rest calls as the logged-in user. */
  @Bean
  FilterRegistrationBean<EngineRestIdentityFilter> engineRestIdentityFilter(IdentityService identityService) {
    FilterRegistrationBean<EngineRestIdentityFilter> registration =
        new FilterRegistrationBean<>(new EngineRestIdentityFilter(identityService));
    registration.addUrlPatterns("/engine-rest/*");
    registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 10);
    return registration;
  }

  /** The webapps' login form says when an account is locked after wrong passwords, and for how long. */
  @Bean
  FilterRegistrationBean<WebappLoginLockFilter> webappLoginLockFilter(LoginLocks locks, ObjectMapper objectMapper) {
    FilterRegistrationBean<WebappLoginLockFilter> registration =
        new FilterRegistrationBean<>(new WebappLoginLockFilter(locks, objectMapper));
    registration.addUrlPatterns(WebappLoginLockFilter.LOGIN + "*");
    registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 20);
    return registration;
  }

  /** Before anything reaches the engine: no client-sent expression in a query (CVE-2026-109432). */
  @Bean
  FilterRegistrationBean<QueryExpressionGuard> queryExpressionGuard() {
    FilterRegistrationBean<QueryExpressionGuard> registration = new FilterRegistrationBean<>(new QueryExpressionGuard());
    registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
    registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 5);
    return registration;
  }
}
