package cn.shangliang.open311;

import static cn.shangliang.support.Demands.body;
import static org.assertj.core.api.Assertions.assertThat;

import cn.shangliang.support.Http;
import cn.shangliang.support.PlatformTest;
import cn.shangliang.support.StatementCounter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * GET requests.json builds up to 1,000 requests (issue #23): their routes are read in one statement, so the
 * statements of a call do not grow with the requests it answers.
 */
@PlatformTest
class Open311BatchingTest {
  @LocalServerPort int port;

  @Test
  void aWindowOfRequests_costsTheSameStatements_whateverTheirNumber() {
    String start = w3c(OffsetDateTime.now(ZoneOffset.UTC).minusSeconds(2));
    List<String> codes = new ArrayList<>();
    for (int i = 0; i < 6; i++) codes.add(new Http(port).as("clerk").post("/api/demands", body()).json().get("trackingCode").asText());
    String end = w3c(OffsetDateTime.now(ZoneOffset.UTC).plusSeconds(2));
    Http http = new Http(port);

    var window = StatementCounter.count(() -> http.get("/open311/v2/requests.json?start_date=" + start + "&end_date=" + end));
    var one = StatementCounter.count(() -> http.get("/open311/v2/requests.json?service_request_id=" + codes.get(0)));
    var six = StatementCounter.count(() -> http.get("/open311/v2/requests.json?service_request_id=" + String.join(",", codes)));
    System.out.println("STATEMENTS GET requests.json: window of 6 " + window.statements() + ", 1 by id " + one.statements()
        + ", 6 by id " + six.statements());
    assertThat(window.result().json().findValuesAsText("service_request_id")).containsExactlyInAnyOrderElementsOf(codes);
    assertThat(six.result().json()).hasSize(6);
    assertThat(six.result().json().get(0).get("agency_responsible").asText()).as("the route, read in the batch").isNotBlank();
    assertThat(six.statements()).isEqualTo(one.statements()).isLessThanOrEqualTo(2);
    assertThat(window.statements()).isLessThanOrEqualTo(2);
  }

  static String w3c(OffsetDateTime time) {
    return URLEncoder.encode(time.withNano(0).toString(), StandardCharsets.UTF_8);
  }
}
