package cn.shangliang.system;

import cn.shangliang.organisation.Groups;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Adds to every operation the answers that follow from facts rather than from its own code, so that a new
 * endpoint is described without anyone remembering to: who may call it ({@code security} and 401 from
 * {@link SecurityConfig}'s open paths, 403 with the groups allowed from its admin paths and the handler's
 * {@code @PreAuthorize}), what it reads (400 for any input, 415 for a body), path variables (404 for an id
 * that does not exist). Codes only an operation has (409, 410, 422, 429, a 403 of an object-level check) are
 * {@code @ApiResponse} annotations on it. Every error answer of {@code /api} gets the problem-JSON schema;
 * {@code /open311} answers in the GeoReport error form, described on its controller. (Spring Security's
 * WebInvocationPrivilegeEvaluator would ask the rules themselves, but cannot match a path while Camunda's
 * Jersey servlet sits beside the DispatcherServlet.)
 */
class ErrorResponses {
  static final String PROBLEM_JSON = "application/problem+json";
  private static final AntPathMatcher PATHS = new AntPathMatcher();
  private static final Pattern QUOTED = Pattern.compile("'([^']+)'");
  private static final Pattern PATH_VARIABLE = Pattern.compile("\\{[^}]*}");

  private final RequestMappingHandlerMapping mappings;

  ErrorResponses(RequestMappingHandlerMapping mappings) {
    this.mappings = mappings;
  }

  void describe(OpenAPI api) {
    api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) ->
        describe(path, method, operation)));
  }

  private void describe(String path, PathItem.HttpMethod method, Operation operation) {
    String uri = PATH_VARIABLE.matcher(path).replaceAll("0");
    boolean needsLogin = !matchesAny(SecurityConfig.PUBLIC, uri);
    operation.setSecurity(needsLogin ? List.of(new SecurityRequirement().addList(OpenApiConfiguration.BASIC_AUTH)) : List.of());
    if (path.startsWith("/api/")) operation.setResponses(withErrors(operation, uri, method, needsLogin));
  }

  private ApiResponses withErrors(Operation operation, String uri, PathItem.HttpMethod method, boolean needsLogin) {
    ApiResponses responses = operation.getResponses();
    boolean body = operation.getRequestBody() != null;
    List<Parameter> parameters = Optional.ofNullable(operation.getParameters()).orElse(List.of());
    if (body || !parameters.isEmpty()) add(responses, 400, badRequest(body, !parameters.isEmpty()));
    if (needsLogin) add(responses, 401, "需要登录（HTTP Basic，或已登录的 Tasklist 会话）");
    if (needsLogin) forbidden(uri, method).ifPresent(refusal -> add(responses, 403, refusal));
    if (parameters.stream().anyMatch(p -> "path".equals(p.getIn()))) add(responses, 404, "未找到：路径中的编号、受理编号或链接不存在");
    if (body) add(responses, 415, "请求内容类型不受支持：请求体应为 application/json");
    responses.forEach((code, response) -> {
      if (code.startsWith("4") || code.startsWith("5")) problemContent(response);
      if ("OK".equals(response.getDescription())) response.setDescription("成功"); // springdoc's default for a plain 200
    });
    return sorted(responses);
  }

  private static String badRequest(boolean body, boolean parameters) {
    String bodyWrong = "JSON 格式错误、缺少必填项、取值或类型不合法";
    String parametersWrong = "参数缺少、取值或格式不合法，或含不被接受的字符";
    String what = body && parameters ? bodyWrong + "，或" + parametersWrong : body ? bodyWrong : parametersWrong;
    return "请求无效：" + what + "；errors 逐项列出";
  }

  /** Why a login may be refused: groups the operation is limited to, or designers kept away from matters. */
  private Optional<String> forbidden(String uri, PathItem.HttpMethod method) {
    Optional<String> groups = allowedGroups(uri, method);
    if (groups.isPresent()) return groups.map(allowed -> "当前用户无权执行此操作：仅限用户组 " + allowed);
    boolean staffOnly = matchesAny(SecurityConfig.STAFF_ONLY, uri) && !matchesAny(SecurityConfig.DESIGNER_CHECKS, uri)
        && !matchesAny(SecurityConfig.ANY_LOGIN, uri);
    return staffOnly ? Optional.of("当前用户无权执行此操作：仅属流程设计员组（" + Groups.PROCESS_DESIGNER + "）的用户不能查看或办理事项")
        : Optional.empty();
  }

  /** The groups that may call the operation, when the admin paths or {@code @PreAuthorize} leave some out. */
  private Optional<String> allowedGroups(String uri, PathItem.HttpMethod method) {
    if (matchesAny(SecurityConfig.DESIGNER_API, uri)) return Optional.of(Groups.ADMIN + "、" + Groups.PROCESS_DESIGNER);
    if (PATHS.match(SecurityConfig.ADMIN_API, uri)) return Optional.of(Groups.ADMIN);
    return handler(uri, method).flatMap(ErrorResponses::preAuthorized).map(groups -> String.join("、", groups));
  }

  private static boolean matchesAny(String[] patterns, String uri) {
    return Arrays.stream(patterns).anyMatch(pattern -> PATHS.match(pattern, uri));
  }

  private Optional<HandlerMethod> handler(String uri, PathItem.HttpMethod method) {
    return mappings.getHandlerMethods().entrySet().stream().filter(e -> maps(e.getKey(), uri, method))
        .map(Map.Entry::getValue).findFirst();
  }

  private static boolean maps(RequestMappingInfo info, String uri, PathItem.HttpMethod method) {
    boolean methodMatches = info.getMethodsCondition().getMethods().stream().anyMatch(m -> m.name().equals(method.name()));
    return methodMatches && info.getPatternValues().stream()
        .anyMatch(pattern -> PATH_VARIABLE.matcher(pattern).replaceAll("0").equals(uri));
  }

  /** The groups named in the handler's (or its controller's) {@code @PreAuthorize("hasAnyAuthority('a', 'b')")}. */
  private static Optional<List<String>> preAuthorized(HandlerMethod handler) {
    PreAuthorize rule = Optional.ofNullable(AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), PreAuthorize.class))
        .orElse(AnnotatedElementUtils.findMergedAnnotation(handler.getBeanType(), PreAuthorize.class));
    if (rule == null) return Optional.empty();
    List<String> groups = new ArrayList<>();
    Matcher quoted = QUOTED.matcher(rule.value());
    while (quoted.find()) groups.add(quoted.group(1));
    return Optional.of(groups);
  }

  /** Adds a code the operation's own annotations did not already describe. */
  private static void add(ApiResponses responses, int code, String description) {
    responses.computeIfAbsent(String.valueOf(code), c -> new ApiResponse().description(description));
  }

  private static void problemContent(ApiResponse response) {
    if (response.getContent() != null && response.getContent().containsKey(PROBLEM_JSON)) return; // an operation's own schema
    Schema<?> problem = new Schema<>().$ref(OpenApiConfiguration.PROBLEM);
    response.setContent(new Content().addMediaType(PROBLEM_JSON, new MediaType().schema(problem)));
  }

  private static ApiResponses sorted(ApiResponses responses) {
    ApiResponses sorted = new ApiResponses();
    responses.entrySet().stream().sorted(Map.Entry.comparingByKey(Comparator.naturalOrder()))
        .forEach(e -> sorted.addApiResponse(e.getKey(), e.getValue()));
    return sorted;
  }
}
