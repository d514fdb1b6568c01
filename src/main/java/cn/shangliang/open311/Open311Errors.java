package cn.shangliang.open311;

import cn.shangliang.system.TooManyRequestsException;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Every error of /open311 in the GeoReport v2 form, not problem JSON (API.md "Open311"): the JSON array
 * after a .json path, {@code <errors>} after a .xml path.
 */
@RestControllerAdvice(assignableTypes = {Open311Controller.class, Open311Discovery.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
class Open311Errors {
  private static final Logger log = LoggerFactory.getLogger(Open311Errors.class);

  @ExceptionHandler(Open311Exception.class)
  ResponseEntity<Object> open311(Open311Exception e, HttpServletRequest request) {
    return error(request, e.code(), e.getMessage());
  }

  @ExceptionHandler(MissingServletRequestParameterException.class)
  ResponseEntity<Object> missing(MissingServletRequestParameterException e, HttpServletRequest request) {
    return error(request, 400, e.getParameterName() + " is required");
  }

  @ExceptionHandler(TooManyRequestsException.class)
  ResponseEntity<Object> tooMany(TooManyRequestsException e, HttpServletRequest request) {
    ResponseEntity<Object> error = error(request, 429, "too many requests, retry later");
    return ResponseEntity.status(429).header("Retry-After", String.valueOf(e.retryAfterSeconds()))
        .contentType(error.getHeaders().getContentType()).body(error.getBody());
  }

  @ExceptionHandler({HttpMediaTypeNotSupportedException.class, HttpMessageNotReadableException.class,
      MethodArgumentTypeMismatchException.class, RequestRejectedException.class})
  ResponseEntity<Object> badRequest(Exception e, HttpServletRequest request) {
    return error(request, 400, "the request is not form-encoded GeoReport v2: " + e.getClass().getSimpleName());
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<Object> unexpected(Exception e, HttpServletRequest request) {
    log.error("Open311 request failed", e);
    return error(request, 500, "internal error");
  }

  private static ResponseEntity<Object> error(HttpServletRequest request, int code, String description) {
    return GeoReportErrors.response(request.getRequestURI(), code, description);
  }
}
