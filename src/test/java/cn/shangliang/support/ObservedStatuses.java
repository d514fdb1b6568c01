package cn.shangliang.support;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The statuses that the suites calling every endpoint observed (the authorization matrix, the fuzz suite), as
 * (method, path template, status), each with the first request that produced it. Held for the JVM, for
 * {@code OpenApiStatusCodesTest} to compare with the OpenAPI description. A suite's observations count only
 * once it has walked all of its endpoints: a walk cut short is not a record of what its endpoints answer.
 */
public final class ObservedStatuses {
  /** The JUnit tag of a test that walks its suite's endpoints and records what they answer. */
  public static final String WALK = "status-walk";

  /** One answer: path variables are written {@code {}}, as in {@code POST /api/demands/{}/merge}. */
  public record Observation(String method, String template, int status) {
    public Observation {
      template = ObservedStatuses.template(template);
    }

    public String operation() {
      return ObservedStatuses.operation(method, template);
    }
  }

  /** {@code GET /api/demands/{}}: how an operation is named here, whichever names its path variables have. */
  public static String operation(String method, String path) {
    return method + " " + template(path);
  }

  private static String template(String path) {
    return path.replaceFirst("\\?.*", "").replaceAll("\\{[^}]*}", "{}");
  }

  private static final Map<String, Map<Observation, String>> SEEN = new ConcurrentHashMap<>();
  private static final Set<String> COMPLETE = ConcurrentHashMap.newKeySet();

  private ObservedStatuses() {}

  /** A suite starts its walk: what it saw before is forgotten. */
  public static void start(Class<?> suite) {
    COMPLETE.remove(suite.getName());
    SEEN.put(suite.getName(), new ConcurrentHashMap<>());
  }

  /** {@code template} may carry values in its variables ({@code /api/demands/{SL-2036-000001}/merge}) and a query. */
  public static void record(Class<?> suite, String method, String template, int status, String example) {
    SEEN.computeIfAbsent(suite.getName(), s -> new ConcurrentHashMap<>())
        .putIfAbsent(new Observation(method, template, status), example);
  }

  /** The suite has called every endpoint it aims at. */
  public static void complete(Class<?> suite) {
    COMPLETE.add(suite.getName());
  }

  public static boolean isComplete(Class<?> suite) {
    return COMPLETE.contains(suite.getName());
  }

  public static Map<Observation, String> of(Class<?> suite) {
    return Map.copyOf(SEEN.getOrDefault(suite.getName(), Map.of()));
  }
}
