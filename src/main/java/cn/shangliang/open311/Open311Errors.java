package cn.shangliang.open311;

import java.util.List;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Every error of /open311 in the GeoReport v2 form, not problem JSON (API.md "Open311"). */
@RestControllerAdvice(assignableTypes = Open311Controller.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class Open311Errors {

  @ExceptionHandler(Open311Exception.class)
  ResponseEntity<List<Map<String, Object>>> open311(Open311Exception e) {
    return error(e.code(), e.getMessage());
  }

  @ExceptionHandler(MissingServletRequestParameterException.class)
  ResponseEntity<List<Map<String, Object>>> missing(MissingServletRequestParameterException e) {
    return error(400, e.getParameterName() + " is required");
  }

  @ExceptionHandler(cn.shangliang.system.TooManyRequestsException.class)
  ResponseEntity<List<Map<String, Object>>> tooMany(cn.shangliang.system.TooManyRequestsException e) {
    return ResponseEntity.status(429).header("Retry-After", String.valueOf(e.retryAfterSeconds()))
        .contentType(MediaType.APPLICATION_JSON).body(List.of(Map.of("code", 429, "description", "too many requests, retry later")));
  }

  @ExceptionHandler({org.springframework.web.HttpMediaTypeNotSupportedException.class,
      org.springframework.http.converter.HttpMessageNotReadableException.class,
      org.springframework.web.method.annotation.MethodArgumentTypeMismatchException.class,
      org.springframework.security.web.firewall.RequestRejectedException.class})
  ResponseEntity<List<Map<String, Object>>> badRequest(Exception e) {
    return error(400, "the request is not form-encoded GeoReport v2: " + e.getClass().getSimpleName());
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<List<Map<String, Object>>> unexpected(Exception e) {
    org.slf4j.LoggerFactory.getLogger(Open311Errors.class).error("Open311 request failed", e);
    return error(500, "internal error");
  }

  static ResponseEntity<List<Map<String, Object>>> error(int code, String description) {
    Map<String, Object> error = new java.util.LinkedHashMap<>(); // code first, as the specification's examples
    error.put("code", code);
    error.put("description", description);
    return ResponseEntity.status(code).contentType(MediaType.APPLICATION_JSON).body(List.of(error));
  }
}
