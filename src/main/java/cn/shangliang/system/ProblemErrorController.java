package cn.shangliang.system;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The error page for whatever ends in {@code sendError} outside our controllers (no handler for a
 * path, a content type no mapping consumes, the security firewall): problem JSON (RFC 9457), the
 * path's {@link ErrorDialect} (the GeoReport error array under {@code /open311/}), or a short Chinese page for browsers. Replaces Spring
 * Boot's error controller; never shows a stack trace or an exception's text.
 */
@Controller
@RequestMapping("${server.error.path:/error}")
class ProblemErrorController implements ErrorController {
  private static final Logger log = LoggerFactory.getLogger(ProblemErrorController.class);
  private final List<ErrorDialect> dialects;

  ProblemErrorController(List<ErrorDialect> dialects) {
    this.dialects = dialects;
  }

  /** A browser's error page; an API path answers its clients' JSON even to a browser (API.md "Errors"). */
  @RequestMapping(produces = MediaType.TEXT_HTML_VALUE)
  ResponseEntity<?> page(HttpServletRequest request) {
    Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    if (uri != null && BrowserPages.apiPath(uri.toString().substring(request.getContextPath().length()))) return error(request);
    HttpStatus status = status(request);
    String html = BrowserPages.html(status, message(status));
    return ResponseEntity.status(status).contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8)).body(html);
  }

  @RequestMapping
  ResponseEntity<Object> error(HttpServletRequest request) {
    HttpStatus status = status(request);
    logServerError(request, status);
    Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    String path = uri == null ? null : uri.toString();
    Optional<ErrorDialect> dialect = ErrorDialect.at(dialects, path);
    if (dialect.isPresent()) return dialect.get().response(path, status.value(), status.getReasonPhrase());
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, message(status));
    problem.setType(URI.create("about:blank"));
    return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
  }

  /** A 500 that reached the error page is a defect of ours: logged with what caused it, or where it came from. */
  private static void logServerError(HttpServletRequest request, HttpStatus status) {
    if (!status.is5xxServerError()) return;
    Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    if (request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable cause) {
      log.error("{} answered {}", uri, status.value(), cause);
    } else {
      log.error("{} answered {} (sendError without an exception)", uri, status.value());
    }
  }

  private static HttpStatus status(HttpServletRequest request) {
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    HttpStatus status = code instanceof Integer i ? HttpStatus.resolve(i) : null;
    return status == null ? HttpStatus.NOT_FOUND : status; // asked for directly: there is no such page
  }

  private static String message(HttpStatus status) {
    return switch (status) {
      case NOT_FOUND -> "未找到该地址";
      case METHOD_NOT_ALLOWED -> "不支持该请求方法";
      case UNSUPPORTED_MEDIA_TYPE -> "不支持该请求内容类型";
      case NOT_ACCEPTABLE -> "无法提供所要求的响应格式";
      case BAD_REQUEST -> "请求无效";
      case UNAUTHORIZED -> "需要登录";
      case FORBIDDEN -> "当前用户无权执行此操作";
      case PAYLOAD_TOO_LARGE -> "请求内容过大";
      default -> status.is5xxServerError() ? "服务器内部错误，请稍后重试" : status.getReasonPhrase();
    };
  }
}
