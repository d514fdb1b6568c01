package cn.shangliang.system;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.validation.ConstraintViolationException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Every error of {@code /api/**} as RFC 9457 problem JSON: {@code type}, {@code title}, {@code status},
 * {@code detail}, and for validation failures {@code errors: [{field, message}]} (API.md "Errors").
 */
@RestControllerAdvice(basePackages = "cn.shangliang")
class ApiExceptionHandler extends ResponseEntityExceptionHandler {
  private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);
  private static final String TYPES = "https://shangliang.cn/problems/";
  private final List<ErrorDialect> dialects;

  ApiExceptionHandler(List<ErrorDialect> dialects) {
    this.dialects = dialects;
  }

  record FieldError(String field, String message) {}

  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e, HttpHeaders headers,
      HttpStatusCode status, WebRequest request) {
    List<FieldError> errors = new ArrayList<>();
    e.getBindingResult().getFieldErrors().forEach(f -> errors.add(new FieldError(f.getField(), f.getDefaultMessage())));
    e.getBindingResult().getGlobalErrors().forEach(g -> errors.add(new FieldError(g.getObjectName(), g.getDefaultMessage())));
    return validation(errors);
  }

  @Override
  protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    List<FieldError> errors = new ArrayList<>();
    e.getParameterValidationResults().forEach(r -> r.getResolvableErrors().forEach(err ->
        errors.add(new FieldError(r.getMethodParameter().getParameterName(), err.getDefaultMessage()))));
    return validation(errors);
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
      HttpStatusCode status, WebRequest request) {
    Throwable cause = e.getCause();
    if (cause instanceof JsonParseException || cause == null) {
      return problem(HttpStatus.BAD_REQUEST, "malformed-json", "Malformed JSON", "请求内容不是有效的 JSON", Map.of());
    }
    if (cause instanceof JsonMappingException mapping) {
      String field = path(mapping);
      String message;
      if (cause instanceof InvalidFormatException invalid && invalid.getTargetType() != null && invalid.getTargetType().isEnum()) {
        message = "取值无效：" + invalid.getValue() + "，可选值：" + Arrays.toString(invalid.getTargetType().getEnumConstants());
      } else if (cause instanceof UnrecognizedPropertyException) {
        message = "未知字段";
      } else if (cause instanceof MismatchedInputException mismatched && mismatched.getTargetType() != null) {
        message = "类型错误，应为 " + typeName(mismatched.getTargetType());
      } else {
        message = "格式错误";
      }
      return validation(List.of(new FieldError(field.isEmpty() ? "body" : field, message)));
    }
    return problem(HttpStatus.BAD_REQUEST, "malformed-json", "Malformed JSON", "请求内容无法读取", Map.of());
  }

  /** No page at this path: a browser gets it said in a Chinese page, everybody else problem JSON as before. */
  @Override
  protected ResponseEntity<Object> handleNoResourceFoundException(NoResourceFoundException e, HttpHeaders headers,
      HttpStatusCode status, WebRequest request) {
    if (request instanceof ServletWebRequest servlet && BrowserPages.wanted(servlet.getRequest())) {
      return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
          .body(BrowserPages.html(HttpStatus.NOT_FOUND, "未找到该页面"));
    }
    return super.handleNoResourceFoundException(e, headers, status, request);
  }

  @ExceptionHandler(InvalidRequestException.class)
  ResponseEntity<Object> invalid(InvalidRequestException e) {
    return validation(e.errors().stream().map(f -> new FieldError(f.field(), f.message())).toList());
  }

  @ExceptionHandler(ConstraintViolationException.class)
  ResponseEntity<Object> constraint(ConstraintViolationException e) {
    return validation(e.getConstraintViolations().stream()
        .map(v -> new FieldError(lastNode(v.getPropertyPath().toString()), v.getMessage())).toList());
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ResponseEntity<Object> typeMismatch(MethodArgumentTypeMismatchException e) {
    return validation(List.of(new FieldError(e.getName(), "格式错误：" + e.getValue())));
  }

  /** Spring Security's firewall refuses a parameter name or value only when the application reads it. */
  @ExceptionHandler(RequestRejectedException.class)
  ResponseEntity<Object> rejected(RuntimeException e) {
    return problem(HttpStatus.BAD_REQUEST, "rejected", "Request rejected", "请求包含不被接受的参数名或字符", Map.of());
  }

  /** Spring MVC's own refusals (wrong content type, method) in the error dialect of the path (Open311's GeoReport errors). */
  @Override
  protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers, HttpStatusCode status,
      WebRequest request) {
    if (request instanceof ServletWebRequest servlet) {
      String path = servlet.getRequest().getRequestURI();
      Optional<ErrorDialect> dialect = ErrorDialect.at(dialects, path);
      if (dialect.isPresent()) {
        return dialect.get().response(path, status.value(), e.getMessage() == null ? "bad request" : e.getMessage());
      }
    }
    return super.handleExceptionInternal(e, body, headers, status, request);
  }

  @ExceptionHandler(NotFoundException.class)
  ResponseEntity<Object> notFound(NotFoundException e) {
    return problem(HttpStatus.NOT_FOUND, "not-found", "Not found", "未找到：" + e.getMessage(), Map.of());
  }

  @ExceptionHandler(TooManyRequestsException.class)
  ResponseEntity<Object> tooMany(TooManyRequestsException e) {
    ResponseEntity<Object> problem = problem(HttpStatus.TOO_MANY_REQUESTS, "rate-limited", "Too many requests", e.getMessage(), Map.of());
    return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).header("Retry-After", String.valueOf(e.retryAfterSeconds()))
        .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem.getBody());
  }

  @ExceptionHandler(ForbiddenException.class)
  ResponseEntity<Object> forbidden(ForbiddenException e) {
    return problem(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", e.getMessage(), Map.of());
  }

  @ExceptionHandler(GoneException.class)
  ResponseEntity<Object> gone(GoneException e) {
    return problem(HttpStatus.GONE, "gone", "Gone", e.getMessage(), Map.of());
  }

  @ExceptionHandler(ConflictException.class)
  ResponseEntity<Object> conflict(ConflictException e) {
    return problem(HttpStatus.CONFLICT, "conflict", "Conflict", e.getMessage(), Map.of());
  }

  /**
   * Somebody else changed the same record first (two completions of one task, a merge against a reply,
   * a timer against a user): this request wrote nothing and may be sent again.
   */
  @ExceptionHandler({OptimisticLockingFailureException.class,
      PessimisticLockingFailureException.class, OptimisticLockingException.class})
  ResponseEntity<Object> concurrentChange(RuntimeException e) {
    log.info("Concurrent change refused: {}", e.toString());
    ResponseEntity<Object> problem = problem(HttpStatus.CONFLICT, "concurrent-change", "Concurrent change",
        "该记录刚被他人修改，本次操作未生效，请刷新后重试", Map.of());
    return ResponseEntity.status(HttpStatus.CONFLICT).header("Retry-After", "1")
        .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem.getBody());
  }

  /** The engine refused the logged-in user: a task held by someone else names its holder (inbox.TaskOwnership). */
  @ExceptionHandler(AuthorizationException.class)
  ResponseEntity<Object> engineRefused(AuthorizationException e) {
    log.info("Engine refused the user: {}", e.getMessage());
    String detail = e instanceof ShownMessage ? e.getMessage() : "当前用户无权执行此操作";
    return problem(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", detail, Map.of());
  }

  @ExceptionHandler(TaskAlreadyClaimedException.class)
  ResponseEntity<Object> taskHeld(TaskAlreadyClaimedException e) {
    log.info("Claim refused: {}", e.getMessage());
    String detail = e instanceof ShownMessage ? e.getMessage() : "该任务已被他人认领";
    return problem(HttpStatus.CONFLICT, "task-held", "Task held by someone else", detail, Map.of());
  }

  @ExceptionHandler({AccessDeniedException.class, AuthenticationException.class})
  void security(RuntimeException e) {
    throw e; // Spring Security answers these (401/403) with problem JSON of its own
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<Object> unexpected(Exception e) {
    if (ConcurrentChange.is(e)) return concurrentChange(new IllegalStateException(e.toString(), e)); // a deadlock inside the engine
    log.error("Unexpected error", e);
    return problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "Internal error", "服务器内部错误，请稍后重试", Map.of());
  }

  private static ResponseEntity<Object> validation(List<FieldError> errors) {
    String detail = errors.stream().map(f -> f.field() + "：" + f.message()).reduce((a, b) -> a + "；" + b).orElse("请求无效");
    return problem(HttpStatus.BAD_REQUEST, "validation", "Invalid request", detail, Map.of("errors", errors));
  }

  static ResponseEntity<Object> problem(HttpStatus status, String type, String title, String detail, Map<String, Object> extra) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setType(URI.create(TYPES + type));
    problem.setTitle(title);
    extra.forEach(problem::setProperty);
    return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
  }

  private static String path(JsonMappingException e) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference ref : e.getPath()) {
      if (ref.getFieldName() != null) {
        if (!path.isEmpty()) path.append('.');
        path.append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        path.append('[').append(ref.getIndex()).append(']');
      }
    }
    return path.toString();
  }

  private static String lastNode(String path) {
    int dot = path.lastIndexOf('.');
    return dot < 0 ? path : path.substring(dot + 1);
  }

  private static String typeName(Class<?> type) {
    if (Number.class.isAssignableFrom(type) || type.isPrimitive() && type != boolean.class) return "数字";
    if (type == Boolean.class || type == boolean.class) return "true/false";
    if (type == String.class) return "文本";
    if (Collection.class.isAssignableFrom(type)) return "数组";
    return "对象";
  }
}
