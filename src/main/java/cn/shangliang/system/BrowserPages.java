package cn.shangliang.system;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.util.HtmlUtils;

/**
 * What a person's browser gets where an API client gets problem JSON: the Chinese login page instead of a
 * password dialog, a Chinese page instead of a 403 or 404 body. Only for a page the browser navigates to
 * (GET, asks for HTML, not under an API path): the API paths answer exactly as API.md says, whoever asks.
 */
final class BrowserPages {
  static final String LOGIN = "/login";
  /** Paths whose clients are programs: errors there stay JSON whatever the Accept header says. */
  private static final List<String> API_PATHS = List.of("/api/", "/engine-rest/", "/open311/", "/camunda/api/",
      "/actuator", "/v3/api-docs");

  private BrowserPages() {}

  /** A browser opening a page: it asks for HTML and shows what it gets to a person. */
  static boolean wanted(HttpServletRequest request) {
    if (!"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())) return false;
    String accept = request.getHeader("Accept");
    if (accept == null || !accept.contains(MediaType.TEXT_HTML_VALUE)) return false;
    return !apiPath(request.getRequestURI().substring(request.getContextPath().length()));
  }

  static boolean apiPath(String path) {
    return path != null && API_PATHS.stream().anyMatch(path::startsWith);
  }

  /** To the login page, which comes back to the page asked for once the person has logged in. */
  static void toLogin(HttpServletRequest request, HttpServletResponse response) throws IOException {
    String target = request.getRequestURI().substring(request.getContextPath().length())
        + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
    response.sendRedirect(request.getContextPath() + LOGIN + "?next=" + URLEncoder.encode(target, StandardCharsets.UTF_8));
  }

  static void write(HttpServletResponse response, HttpStatus status, String message) throws IOException {
    response.setStatus(status.value());
    response.setContentType(MediaType.TEXT_HTML_VALUE);
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.getWriter().write(html(status, message));
  }

  /** A short page in the staff pages' style: what happened, and the way on (home, Tasklist, the public page). */
  static String html(HttpStatus status, String message) {
    String text = HtmlUtils.htmlEscape(message);
    return "<!doctype html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        + "<title>" + status.value() + " " + text + " · 商量</title><style>"
        + "body{font-family:\"Noto Sans CJK SC\",\"WenQuanYi Zen Hei\",\"Microsoft YaHei\",sans-serif;margin:0;background:#f4f6f9;color:#1f2d3d}"
        + "header{background:#b71c1c;color:#fff;padding:12px 24px;font-size:20px}"
        + "main{max-width:560px;margin:40px auto;background:#fff;border-radius:6px;padding:24px;box-shadow:0 1px 3px rgba(0,0,0,.08)}"
        + "h1{font-size:22px;margin:0 0 12px}p{color:#5a6a7a}a{color:#b71c1c;margin-right:16px}</style></head>"
        + "<body><header>商量 · 有事好商量</header><main><h1>" + status.value() + " " + text + "</h1>"
        + "<p>" + hint(status) + "</p>"
        + "<p><a href=\"/\">返回首页</a><a href=\"/camunda/app/tasklist/\">待办（Tasklist）</a><a href=\"/public\">公众页面</a></p>"
        + "</main></body></html>";
  }

  private static String hint(HttpStatus status) {
    return switch (status) {
      case FORBIDDEN -> "您的账户没有打开此页面的权限。如需使用，请联系系统管理员为您分配相应角色。";
      case NOT_FOUND -> "该页面不存在，可能地址有误或已被移除。";
      default -> status.is5xxServerError() ? "系统暂时无法完成请求，请稍后重试。" : "请返回首页重新操作。";
    };
  }
}
