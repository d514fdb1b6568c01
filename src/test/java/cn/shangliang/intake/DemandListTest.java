package cn.shangliang.intake;

import static cn.shangliang.support.Demands.body;
import static cn.shangliang.support.Demands.with;
import static org.assertj.core.api.Assertions.assertThat;

import cn.shangliang.support.Http;
import cn.shangliang.support.PlatformTest;
import cn.shangliang.support.StatementCounter;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** GET /api/demands (API.md "Demands"): filters, keyset paging through equal times, bad input, who sees what. */
@PlatformTest
class DemandListTest {
  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  Http http;
  String village;

  @BeforeEach
  void client() {
    http = new Http(port);
    village = "列表村" + UUID.randomUUID().toString().substring(0, 8);
  }

  /** Registers a demand in this test's village; answers its id. */
  long demand(Map<String, Object> changes) {
    Map<String, Object> body = with(body(), "village", village);
    for (var change : changes.entrySet()) body = with(body, change.getKey(), change.getValue());
    Http.Response created = http.as("clerk").post("/api/demands", body);
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return created.json().get("id").asLong();
  }

  void createdAt(long id, String instant) {
    jdbc.update("update demand set created_at = ? where id = ?", Timestamp.from(Instant.parse(instant)), id);
  }

  List<String> ids(JsonNode page) {
    return page.get("content").findValuesAsText("id");
  }

  Http.Response list(String user, String query) {
    return http.as(user).get("/api/demands?village=" + URLEncoder.encode(village, StandardCharsets.UTF_8) + query);
  }

  @Test
  void pagesByCursor_newestFirst_throughEqualCreationTimes_withoutLosingOrRepeatingARow() {
    List<Long> made = new ArrayList<>();
    for (int i = 0; i < 7; i++) made.add(demand(Map.of()));
    // five at the very same moment: only the id orders them, and a page boundary falls between them
    for (int i = 0; i < 5; i++) createdAt(made.get(i), "2026-03-01T02:00:00Z");
    createdAt(made.get(5), "2026-03-02T02:00:00Z");
    createdAt(made.get(6), "2026-02-01T02:00:00Z");
    List<String> expected = List.of(made.get(5), made.get(4), made.get(3), made.get(2), made.get(1), made.get(0), made.get(6))
        .stream().map(String::valueOf).toList();

    List<String> seen = new ArrayList<>();
    String after = null;
    int pages = 0;
    do {
      JsonNode page = list("liaison", "&limit=2" + (after == null ? "" : "&after=" + after)).json();
      assertThat(page.get("limit").asInt()).isEqualTo(2);
      seen.addAll(ids(page));
      after = page.get("next").isNull() ? null : page.get("next").asText();
      pages++;
    } while (after != null && pages < 10);
    assertThat(seen).containsExactlyElementsOf(expected);
    assertThat(pages).as("7 rows by 2, the last page says there is no next").isEqualTo(4);
    assertThat(ids(list("liaison", "").json())).as("default limit 50: all at once").containsExactlyElementsOf(expected);
  }

  @Test
  void aRow_carriesWhatAClerkRecognisesADemandBy_inChineseToo() {
    long id = demand(Map.of());
    JsonNode row = list("clerk", "").json().get("content").get(0);
    assertThat(row.get("id").asLong()).isEqualTo(id);
    assertThat(row.get("trackingCode").asText()).matches("SL-\\d{4}-\\d{6,}");
    assertThat(row.get("title").asText()).startsWith("村组道路坑洼积水");
    assertThat(row.get("township").asText()).isEqualTo("中峰镇");
    assertThat(row.get("village").asText()).isEqualTo(village);
    assertThat(row.get("category").asText()).isEqualTo("TRANSPORT");
    assertThat(row.get("categoryName").asText()).isEqualTo("交通出行");
    assertThat(row.get("status").asText()).isEqualTo("INVESTIGATING");
    assertThat(row.get("statusLabel").asText()).isEqualTo("调查核实中");
    assertThat(row.get("channelLabel").asText()).isEqualTo("委员走访");
    assertThat(row.get("urgencyLabel").asText()).isEqualTo("一般");
    assertThat(row.get("submitterName").asText()).isEqualTo("张三");
    assertThat(row.get("routeLabel").asText()).isEqualTo("限时答复");
    assertThat(row.get("leadDepartment").asText()).isEqualTo("transport");
    assertThat(row.get("createdAt").asText()).endsWith("+08:00");
  }

  @Test
  void filtersByStatusCategoryTownshipAndPeriod() {
    long water = demand(Map.of("category", "WATER"));
    long transport = demand(Map.of());
    long elsewhere = demand(Map.of("township", "凉风镇"));
    createdAt(water, "2026-01-10T00:00:00Z");
    createdAt(transport, "2026-02-10T00:00:00Z");
    createdAt(elsewhere, "2026-03-10T00:00:00Z");
    jdbc.update("update demand set status = 'CLOSED' where id = ?", transport);

    assertThat(ids(list("clerk", "&category=WATER").json())).containsExactly(String.valueOf(water));
    assertThat(ids(list("clerk", "&status=CLOSED").json())).containsExactly(String.valueOf(transport));
    assertThat(ids(list("clerk", "&township=" + URLEncoder.encode("凉风镇", StandardCharsets.UTF_8)).json()))
        .containsExactly(String.valueOf(elsewhere));
    assertThat(ids(list("clerk", "&from=2026-02-10T08:00:00%2B08:00&to=2026-03-10T08:00:00%2B08:00").json()))
        .as("from inclusive, to exclusive").containsExactly(String.valueOf(transport));
    assertThat(ids(list("clerk", "&status=DELIBERATING").json())).isEmpty();
  }

  @Test
  void badFilters_are400_namingEachFieldInChinese() {
    Http.Response bad = list("clerk", "&status=DONE&category=ROADS&from=yesterday&limit=201&after=xyz");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.header("content-type")).startsWith("application/problem+json");
    JsonNode errors = bad.json().get("errors");
    assertThat(errors.findValuesAsText("field")).containsExactlyInAnyOrder("status", "category", "from", "limit", "after");
    assertThat(errors.findValuesAsText("message")).anyMatch(m -> m.startsWith("状态代码无效：DONE"))
        .anyMatch(m -> m.startsWith("类别代码无效")).anyMatch(m -> m.startsWith("起始时间")).anyMatch(m -> m.contains("每页条数"))
        .anyMatch(m -> m.startsWith("翻页位置无效"));
    assertThat(list("clerk", "&limit=0").status()).isEqualTo(400);
    assertThat(list("clerk", "&limit=x").status()).isEqualTo(400);
    assertThat(list("clerk", "&from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z").json().get("errors").findValuesAsText("field"))
        .containsExactly("to");
  }

  @Test
  void departmentStaff_seeTheDemandsRoutedToTheirDepartmentOnly() {
    long transport = demand(Map.of());
    long coHandled = demand(Map.of("coDepartments", List.of("water"), "departmentsInvolved", 2));
    assertThat(ids(list("transport", "").json())).containsExactlyInAnyOrder(String.valueOf(transport), String.valueOf(coHandled));
    List<String> routed = jdbc.queryForList("select co_departments from routing_decision where demand_id = ?", String.class, coHandled);
    if (routed.stream().anyMatch(c -> c != null && c.contains("water"))) {
      assertThat(ids(list("water", "").json())).as("co-handler").containsExactly(String.valueOf(coHandled));
    } else {
      assertThat(ids(list("water", "").json())).isEmpty();
    }
    assertThat(ids(list("housing", "").json())).isEmpty();
    assertThat(http.as("designer").get("/api/demands").status()).isEqualTo(403);
    assertThat(http.get("/api/demands").status()).isEqualTo(401);
  }

  @Test
  void aPage_costsTheSameStatements_whateverItsLength() {
    for (int i = 0; i < 6; i++) demand(Map.of());
    var one = StatementCounter.count(() -> list("clerk", "&limit=1"));
    var six = StatementCounter.count(() -> list("clerk", "&limit=6"));
    assertThat(six.result().json().get("content")).hasSize(6);
    System.out.println("STATEMENTS GET /api/demands: 1 row " + one.statements() + ", 6 rows " + six.statements());
    // the login's two (the user, the groups) and the page's two (rows, their routes)
    assertThat(six.statements()).as("rows and their routes, batched").isEqualTo(one.statements()).isLessThanOrEqualTo(4);
  }

  @Test
  void aDemandsFullView_costsTheSameStatements_whateverItsHistoryAndRoutings() {
    long id = demand(Map.of());
    var few = StatementCounter.count(() -> http.as("liaison").get("/api/demands/" + id));
    for (String actor : List.of("member1", "convenor", "supervisor", "leader")) {
      // ids below the generator's (it counts up from 1): no collision with records written later
      jdbc.update("insert into demand_event (id, demand_id, occurred_at, actor, kind, detail) values (?, ?, ?, ?, 'NOTE', '备注')",
          -System.nanoTime(), id, Timestamp.from(Instant.now()), actor);
    }
    long decision = -System.nanoTime(); // a second routing, as the handling stage records it
    jdbc.update("insert into routing_decision (id, demand_id, stage, route, lead_department, evaluated_at, repeat_count, rules_checksum)"
        + " values (?, ?, 'HANDLING', 'DEPARTMENT', 'transport', ?, 0, 'test')", decision, id, Timestamp.from(Instant.now()));
    jdbc.update("insert into routing_reason (decision_id, position, rule_id, message) values (?, 0, 'STANDARD', '一般事项')", decision);
    var more = StatementCounter.count(() -> http.as("liaison").get("/api/demands/" + id));
    System.out.println("STATEMENTS GET /api/demands/{id}: history of 2 " + few.statements() + ", of 6 by 5 people and 2 routings "
        + more.statements());
    assertThat(more.result().json().get("history")).hasSize(6);
    assertThat(more.result().json().get("routingHistory")).hasSize(2);
    assertThat(more.result().json().get("history").get(5).get("actorName").asText()).isNotEqualTo("leader");
    assertThat(more.statements()).as("the people's names, the routings and their reasons: one statement each")
        .isEqualTo(few.statements());
  }
}
