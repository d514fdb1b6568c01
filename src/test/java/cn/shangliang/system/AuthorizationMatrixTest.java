package cn.shangliang.system;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shangliang.support.Http;
import cn.shangliang.support.ObservedStatuses;
import cn.shangliang.support.PlatformTest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;

/**
 * The authorization matrix (issue #8): every endpoint Spring maps, asked by anonymous and by each demo
 * role of API.md. Anonymous gets in only where API.md says public; a role gets 403 where it has no
 * business and never 401/403 where it has. The table below is the reference: a new endpoint fails
 * this test until somebody decides who may call it. Object-level checks (a department and another
 * department's records) and Camunda's REST API are in {@link ObjectAccessTest}.
 */
@PlatformTest
public class AuthorizationMatrixTest {
  /** The demo users of API.md and their groups. */
  static final Map<String, Set<String>> USERS = new LinkedHashMap<>();

  static {
    USERS.put("admin", Set.of("admin"));
    USERS.put("clerk", Set.of("intake"));
    USERS.put("member1", Set.of("member"));
    USERS.put("liaison", Set.of("liaison-office"));
    USERS.put("convenor", Set.of("convenor"));
    USERS.put("transport", Set.of("dept-transport"));
    USERS.put("housing", Set.of("dept-housing"));
    USERS.put("water", Set.of("dept-water"));
    USERS.put("township", Set.of("dept-township"));
    USERS.put("proposals", Set.of("proposal-committee"));
    USERS.put("supervisor", Set.of("supervisor"));
    USERS.put("leader", Set.of("leadership"));
    USERS.put("designer", Set.of("process-designer"));
  }

  /** 流程设计员 are no office staff: they change models and rules, and see no matter. */
  static boolean isStaff(Set<String> groups) {
    return !groups.equals(Set.of("process-designer"));
  }

  private static final String SCORE = "admin supervisor leadership liaison-office convenor";
  private static final String SLA = "supervisor leadership admin liaison-office";
  private static final String OFFICE = "admin liaison-office";
  private static final String OVERSEERS = "admin liaison-office leadership supervisor";

  /**
   * Who may call what: {@code public} (anonymous too), {@code staff} (any login but a designer's only) and/or the
   * groups allowed.
   */
  static final String MATRIX = """
      GET    /api/demands                                     staff
      GET    /api/demands/{id}                                staff
      POST   /api/demands                                     intake member liaison-office admin
      POST   /api/demands/{id}/merge                          intake liaison-office admin
      POST   /api/demands/{id}/evaluation                     intake liaison-office admin
      POST   /api/demands/{id}/access-code                    intake liaison-office admin
      POST   /api/routing/preview                             staff process-designer
      GET    /api/calendar/deadline                           staff process-designer
      GET    /api/calendar/years                              staff process-designer
      GET    /api/sla/breaches                                SLA
      GET    /api/sla/breaches.csv                            SLA
      GET    /api/sla/due-soon                                SLA
      GET    /api/sla/summary                                 SLA
      GET    /api/sla/summary.csv                             SLA
      GET    /api/sla/trend                                   SLA
      GET    /api/notifications                               staff
      GET    /api/notifications/count                         staff
      POST   /api/notifications/{id}/read                     staff
      GET    /api/proposals                                   staff
      GET    /api/proposals/{idOrNumber}                      staff
      GET    /api/proposals/statistics                        staff
      GET    /api/members/activity                            OVERSEERS
      GET    /api/members/{id}/activity                       OVERSEERS
      GET    /api/platforms                                   staff
      POST   /api/platforms                                   OFFICE
      GET    /api/platforms/{id}                              staff
      PUT    /api/platforms/{id}/members                      OFFICE
      POST   /api/platforms/{id}/checks                       OFFICE
      GET    /api/platforms/{id}/activity                     staff
      GET    /api/village-assignments                         staff
      PUT    /api/village-assignments                         OFFICE
      DELETE /api/village-assignments                         OFFICE
      GET    /api/demands/{idOrCode}/online-round             admin convenor liaison-office supervisor leadership
      POST   /api/demands/{idOrCode}/online-round/invitations admin convenor
      POST   /api/demands/{idOrCode}/online-round/close       admin convenor
      GET    /api/scorecard/scheme                            SCORE
      GET    /api/scorecard/matters                           SCORE
      GET    /api/scorecard/matters/{idOrCode}                SCORE
      GET    /api/scorecard/matters.csv                       SCORE
      GET    /api/scorecard/townships                         SCORE
      GET    /api/scorecard/townships.csv                     SCORE
      GET    /api/scorecard/platforms                         SCORE
      GET    /api/scorecard/platforms.csv                     SCORE
      GET    /api/admin/rules                                 admin process-designer
      POST   /api/admin/rules/reload                          admin process-designer
      GET    /api/admin/open311-keys                          admin
      POST   /api/admin/open311-keys                          admin
      DELETE /api/admin/open311-keys/{id}                     admin
      GET    /api/public/demands/{trackingCode}               public
      POST   /api/public/demands                              public
      POST   /api/public/demands/{trackingCode}/evaluation    public
      GET    /api/public/notices                              public
      POST   /api/public/notices/{noticeId}/objections        public
      GET    /api/public/rounds/{token}                       public
      POST   /api/public/rounds/{token}/opinions              public
      GET    /api/public/staff-badge                          public
      GET    /open311/v2/services.json                        public
      GET    /open311/v2/services/{code}.json                 public
      GET    /open311/v2/requests.json                        public
      POST   /open311/v2/requests.json                        public
      GET    /open311/v2/requests/{id}.json                   public
      GET    /open311/v2/services.xml                         public
      GET    /open311/v2/services/{code}.xml                  public
      GET    /open311/v2/requests.xml                         public
      POST   /open311/v2/requests.xml                         public
      GET    /open311/v2/requests/{id}.xml                    public
      GET    /open311/discovery.json                          public
      GET    /open311/discovery.xml                           public
      GET    /public                                          public
      GET    /                                                staff process-designer
      GET    /login                                           public
      GET    /login/token                                     public
      GET    /api/me                                          staff process-designer
      GET    /dashboard                                       supervisor leadership admin
      GET    /calendar                                        OVERSEERS
      GET    /platforms                                       staff
      GET    /rules-state                                     admin process-designer
      GET    /v3/api-docs                                     public
      GET    /v3/api-docs.yaml                                public
      GET    /v3/api-docs/swagger-config                      public
      GET    /swagger-ui.html                                 public
      GET    /error                                           public
      GET    /actuator                                        admin supervisor
      GET    /actuator/health                                 public
      GET    /actuator/health/**                              public
      GET    /actuator/info                                   admin supervisor
      GET    /actuator/prometheus                             admin supervisor
      GET    /actuator/metrics                                admin supervisor
      GET    /actuator/metrics/{requiredMetricName}           admin supervisor
      """;

  @LocalServerPort int port;
  @Autowired ApplicationContext context;

  public record Endpoint(String method, String path) {
    @Override
    public String toString() {
      return method + " " + path;
    }
  }

  public static Map<Endpoint, String> matrix() {
    Map<Endpoint, String> matrix = new LinkedHashMap<>();
    MATRIX.lines().map(String::strip).filter(l -> !l.isEmpty()).forEach(line -> {
      String[] parts = line.split("\\s+", 3);
      String who = switch (parts[2]) {
        case "SCORE" -> SCORE;
        case "SLA" -> SLA;
        case "OFFICE" -> OFFICE;
        case "OVERSEERS" -> OVERSEERS;
        default -> parts[2];
      };
      matrix.put(new Endpoint(parts[0], parts[1]), who);
    });
    return matrix;
  }

  Set<Endpoint> mapped() {
    return mapped(context);
  }

  /** Every endpoint the application maps, from every MVC handler mapping (controllers, actuator, springdoc). */
  static Set<Endpoint> mapped(ApplicationContext context) {
    Set<Endpoint> endpoints = new TreeSet<>(java.util.Comparator.comparing(Endpoint::toString));
    for (RequestMappingInfoHandlerMapping mapping : context.getBeansOfType(RequestMappingInfoHandlerMapping.class).values()) {
      for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
        Set<String> methods = info.getMethodsCondition().getMethods().stream().map(Enum::name).collect(Collectors.toSet());
        if (methods.isEmpty()) methods = Set.of("GET"); // mapped for every method (the error page)
        for (String pattern : info.getPatternValues()) {
          for (String method : methods) endpoints.add(new Endpoint(method, pattern));
        }
      }
    }
    return endpoints;
  }

  @Test
  void everyMappedEndpoint_isInTheMatrix_andTheMatrixHasNoStaleRows() {
    Set<Endpoint> inMatrix = matrix().keySet();
    assertThat(mapped()).as("endpoints nobody has classified: add them to MATRIX").isSubsetOf(inMatrix);
    assertThat(inMatrix).as("rows for endpoints that no longer exist").isSubsetOf(mapped());
  }

  /** Also records every answer for OpenApiStatusCodesTest. */
  @Test
  @Tag(ObservedStatuses.WALK)
  void everyEndpoint_againstEveryRole() {
    Http http = new Http(port);
    List<String> wrong = new ArrayList<>();
    ObservedStatuses.start(AuthorizationMatrixTest.class);
    for (var row : matrix().entrySet()) {
      Endpoint endpoint = row.getKey();
      String who = row.getValue();
      String path = endpoint.path().replaceAll("\\{[^}]+}", "0").replace("/**", "/liveness");
      Http.Response anonymous = observe(endpoint, "anonymous", call(http, endpoint.method(), path));
      boolean isPublic = who.equals("public");
      if (isPublic ? anonymous.status() == 401 || anonymous.status() == 403 : anonymous.status() != 401) {
        wrong.add("anonymous " + endpoint + " -> " + anonymous.status());
      }
      if (!isPublic && path.startsWith("/api/") && !String.valueOf(anonymous.header("content-type")).startsWith("application/problem+json")) {
        wrong.add("anonymous " + endpoint + " is not problem JSON: " + anonymous.header("content-type"));
      }
      boolean errorPage = endpoint.path().equals("/error"); // answers with the status of the error it renders: none, 500
      if (anonymous.status() >= 500 && !errorPage) wrong.add("anonymous " + endpoint + " -> " + anonymous.status() + " " + anonymous.body());
      for (var user : USERS.entrySet()) {
        List<String> allowedTo = List.of(who.split(" "));
        boolean allowed = isPublic || allowedTo.contains("staff") && isStaff(user.getValue())
            || allowedTo.stream().anyMatch(user.getValue()::contains);
        Http.Response response = observe(endpoint, user.getKey(), call(http.as(user.getKey()), endpoint.method(), path));
        boolean refused = response.status() == 401 || response.status() == 403;
        if (allowed == refused || response.status() >= 500 && !errorPage) {
          wrong.add(user.getKey() + " " + endpoint + " -> " + response.status() + (response.status() >= 500 ? " " + response.body() : ""));
        }
      }
    }
    ObservedStatuses.complete(AuthorizationMatrixTest.class);
    assertThat(wrong).as("calls answered against the matrix").isEmpty();
  }

  private static Http.Response observe(Endpoint endpoint, String who, Http.Response response) {
    String example = "AuthorizationMatrixTest: " + who + " " + endpoint.method() + " " + endpoint.path().replaceAll("\\{[^}]+}", "0");
    ObservedStatuses.record(AuthorizationMatrixTest.class, endpoint.method(), endpoint.path(), response.status(), example);
    return response;
  }

  /**
   * Camunda's REST API, enumerated from its JAX-RS resources (root resources, and the sub-resources their
   * locators return): anonymous gets 401 on every endpoint, and a department user calling each one with
   * made-up ids and an empty body never causes a 5xx. What a department may do there, object by object,
   * is in ObjectAccessTest.
   */
  @Test
  void everyEngineRestEndpoint_needsALogin_andNeverFailsOnADepartment() {
    Set<Endpoint> endpoints = engineRest();
    assertThat(endpoints).as("endpoints found in Camunda's REST resources").hasSizeGreaterThan(300)
        .contains(new Endpoint("POST", "/engine-rest/task/{}/complete"), new Endpoint("GET", "/engine-rest/history/process-instance"));
    Http http = new Http(port);
    List<String> wrong = new ArrayList<>();
    for (Endpoint endpoint : endpoints) {
      String path = endpoint.path().replace("{}", "x0");
      Http.Response anonymous = call(http, endpoint.method(), path);
      if (anonymous.status() != 401) wrong.add("anonymous " + endpoint + " -> " + anonymous.status());
      Http.Response department = call(http.as("water"), endpoint.method(), path);
      if (department.status() >= 500) wrong.add("water " + endpoint + " -> " + department.status() + " " + department.body());
    }
    System.out.println("ENGINE-REST " + endpoints.size() + " endpoints, each called as anonymous and as water");
    assertThat(wrong).as("/engine-rest calls answered wrongly").isEmpty();
    Http water = http.as("water");
    assertThat(call(water, "POST", "/engine-rest/task/x0/complete").status()).as("completing a task that does not exist").isEqualTo(404);
    assertThat(call(water, "PUT", "/engine-rest/job/x0/retries").status()).as("retries left out of the body").isEqualTo(400);
  }

  /** Every method and path of Camunda's REST API under /engine-rest (path variables as {}; OPTIONS left out). */
  static Set<Endpoint> engineRest() {
    Set<Endpoint> endpoints = new TreeSet<>(java.util.Comparator.comparing(Endpoint::toString));
    for (Class<?> root : org.camunda.bpm.engine.rest.impl.CamundaRestResources.getResourceClasses()) {
      jakarta.ws.rs.Path path = root.getAnnotation(jakarta.ws.rs.Path.class);
      if (path != null) collect(root, "/engine-rest" + path.value(), endpoints, 0);
    }
    return endpoints;
  }

  private static void collect(Class<?> type, String prefix, Set<Endpoint> endpoints, int depth) {
    if (depth > 8) return;
    for (java.lang.reflect.Method method : type.getMethods()) {
      jakarta.ws.rs.Path path = jaxRs(method, jakarta.ws.rs.Path.class);
      String http = Stream.of(jakarta.ws.rs.GET.class, jakarta.ws.rs.POST.class, jakarta.ws.rs.PUT.class, jakarta.ws.rs.DELETE.class)
          .filter(a -> jaxRs(method, a) != null).map(Class::getSimpleName).findFirst().orElse(null);
      boolean options = jaxRs(method, jakarta.ws.rs.OPTIONS.class) != null;
      String full = (prefix + (path == null ? "" : "/" + path.value())).replaceAll("/+", "/").replaceAll("/$", "")
          .replaceAll("\\{[^}]*}", "{}");
      if (http != null) endpoints.add(new Endpoint(http, full));
      else if (path != null && !options) collect(method.getReturnType(), full, endpoints, depth + 1);
    }
  }

  /** A JAX-RS annotation on the method or on the method it implements (Camunda annotates its interfaces). */
  private static <A extends java.lang.annotation.Annotation> A jaxRs(java.lang.reflect.Method method, Class<A> annotation) {
    A found = method.getAnnotation(annotation);
    for (Class<?> type = method.getDeclaringClass(); found == null && type != null; type = type.getSuperclass()) {
      for (Class<?> face : type.getInterfaces()) {
        try {
          found = face.getMethod(method.getName(), method.getParameterTypes()).getAnnotation(annotation);
        } catch (NoSuchMethodException notThere) {
          // another interface
        }
        if (found != null) break;
      }
    }
    return found;
  }

  static Http.Response call(Http http, String method, String path) {
    return switch (method) {
      case "GET" -> http.get(path);
      case "POST" -> http.post(path, "{}");
      case "PUT" -> http.put(path, "{}");
      case "DELETE" -> http.delete(path);
      default -> throw new IllegalArgumentException(method);
    };
  }
}
