package cn.shangliang.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import cn.shangliang.support.Http;
import cn.shangliang.support.ObservedStatuses;
import cn.shangliang.support.PlatformTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TagFilter;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The status codes the OpenAPI description documents for each operation of {@code /api} and {@code /open311},
 * against those the suites that call every endpoint observed: the authorization matrix (every endpoint, every
 * role) and the fuzz suite (every write, bent). An observed status the description does not list for that
 * operation fails, as does an operation the suites called that is not described, or a described one they never
 * called; all at once, each with a request that produced it. The table of both is written to
 * {@code target/openapi-status-codes.txt}.
 *
 * <p>The observations are the ones this JVM's run of the two suites recorded, when each walked all of its
 * endpoints: {@code junit-platform.properties} orders classes by {@code @Order}, and this one comes last. When a
 * suite has not run here (this class run alone, or the suites in another fork), this test runs that suite's
 * walk itself first, so it never compares the description with nothing.
 */
@PlatformTest
@Order(Integer.MAX_VALUE)
class OpenApiStatusCodesTest {
  static final List<Class<?>> SUITES = List.of(AuthorizationMatrixTest.class, FuzzTest.class);
  static final Path REPORT = Path.of("target", "openapi-status-codes.txt");

  @LocalServerPort int port;

  @Test
  void everyStatusTheSuitesObserved_isDocumentedForItsOperation() throws IOException {
    for (Class<?> suite : SUITES) {
      if (!ObservedStatuses.isComplete(suite)) walk(suite);
    }
    Map<String, Set<Integer>> documented = documented(new Http(port).get("/v3/api-docs").json());
    Map<String, Map<Integer, String>> observed = observed();
    List<String> mismatches = new ArrayList<>();
    observed.forEach((operation, statuses) -> {
      Set<Integer> codes = documented.get(operation);
      if (codes == null) {
        mismatches.add(operation + " is called by the suites but not in the OpenAPI description");
        return;
      }
      statuses.forEach((status, example) -> {
        if (!codes.contains(status)) mismatches.add(operation + " answered " + status + ", documented " + codes + ": " + example);
      });
    });
    documented.keySet().stream().filter(operation -> !observed.containsKey(operation))
        .forEach(operation -> mismatches.add(operation + " is documented but no suite called it"));
    report(documented, observed);
    assertThat(mismatches).as("statuses observed against those documented (table: " + REPORT + ")").isEmpty();
  }

  /** Runs the suite's tests tagged {@link ObservedStatuses#WALK} in this JVM (and Spring context). */
  private static void walk(Class<?> suite) {
    System.out.println("OPENAPI " + suite.getSimpleName() + " has not walked its endpoints in this JVM: walking them now");
    LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request().selectors(selectClass(suite))
        .filters(TagFilter.includeTags(ObservedStatuses.WALK)).build();
    SummaryGeneratingListener summary = new SummaryGeneratingListener();
    LauncherFactory.create().execute(request, summary);
    summary.getSummary().getFailures().forEach(f -> System.out.println("OPENAPI " + suite.getSimpleName() + " failed: "
        + f.getException()));
    assertThat(ObservedStatuses.isComplete(suite)).as(suite.getSimpleName() + " walked all of its endpoints; its failures: "
        + summary.getSummary().getFailures().stream().map(f -> String.valueOf(f.getException())).toList()).isTrue();
  }

  /** Operation ({@code POST /api/demands/{}/merge}) → the status codes its responses list. */
  static Map<String, Set<Integer>> documented(JsonNode api) {
    Map<String, Set<Integer>> documented = new TreeMap<>();
    api.get("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(operation -> {
      if (!operation.getValue().has("responses")) return; // a path item's parameters or summary
      Set<Integer> codes = new TreeSet<>();
      operation.getValue().get("responses").fieldNames().forEachRemaining(code -> {
        if (code.matches("\\d{3}")) codes.add(Integer.parseInt(code));
      });
      documented.put(ObservedStatuses.operation(operation.getKey().toUpperCase(Locale.ROOT), path.getKey()), codes);
    }));
    return documented;
  }

  /** Operation → status → the first request that got it, over the operations the description covers. */
  static Map<String, Map<Integer, String>> observed() {
    Map<String, Map<Integer, String>> observed = new TreeMap<>();
    for (Class<?> suite : SUITES) {
      ObservedStatuses.of(suite).forEach((observation, example) -> {
        if (!observation.template().startsWith("/api/") && !observation.template().startsWith("/open311/")) return;
        observed.computeIfAbsent(observation.operation(), o -> new TreeMap<>()).putIfAbsent(observation.status(), example);
      });
    }
    return observed;
  }

  /** Per operation: documented codes, observed codes, and those documented that neither suite reached. */
  static void report(Map<String, Set<Integer>> documented, Map<String, Map<Integer, String>> observed) throws IOException {
    Set<String> operations = new TreeSet<>(documented.keySet());
    operations.addAll(observed.keySet());
    String table = operations.stream().map(operation -> {
      Set<Integer> codes = documented.getOrDefault(operation, Set.of());
      Set<Integer> seen = observed.getOrDefault(operation, Map.of()).keySet();
      Set<Integer> unreached = codes.stream().filter(c -> !seen.contains(c)).collect(Collectors.toCollection(TreeSet::new));
      return String.format("%-60s documented %-38s observed %-28s not reached by these suites %s", operation, codes, seen, unreached);
    }).collect(Collectors.joining("\n"));
    Files.createDirectories(REPORT.getParent());
    Files.writeString(REPORT, table + "\n", StandardCharsets.UTF_8);
    System.out.println("OPENAPI status codes, documented and observed:\n" + table);
  }
}
