package cn.shangliang.scorecard;

import static cn.shangliang.support.TestClock.at;

import cn.shangliang.consultation.VillageAssignments;
import cn.shangliang.rules.RulesService;
import cn.shangliang.support.PlatformTest;
import cn.shangliang.support.Steps;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A year's matters and rankings before (every matter scored in one Drools run per call) and after (stored scores):
 * a few matters made through the six steps, copied in SQL to {@code bench.scores.matters} and marked as a volume
 * load must mark them, then the median of each call. Prints figures, asserts nothing. Run with
 * {@code -Dtest=MatterScoreBenchmark -Dsurefire.excludedGroups= -Dbench.scores.matters=3000}.
 */
@Tag("bench")
@PlatformTest
class MatterScoreBenchmark {
  static final int MATTERS = Integer.getInteger("bench.scores.matters", 3000);
  static final long FIRST_ID = 90_000_000L;

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired VillageAssignments villages;
  @Autowired JdbcTemplate jdbc;
  @Autowired Scorecard scorecard;
  @Autowired ScorecardRecords records;
  @Autowired RulesService rules;

  @AfterEach
  void reset() {
    ClockUtil.reset();
  }

  @Test
  void aYearOfMatters() {
    at("2036-04-02T10:00:00+08:00");
    ScorecardMatters make = new ScorecardMatters(port, engine, villages);
    String platform = make.compliantPlatform("基准镇", "2036-04-01");
    List<Long> models = new ArrayList<>();
    models.add(id(make.consulted("基准镇", "一村", Steps.investigation("stakeholders", "村民、商户"),
        Steps.meetingSchedule("meetingTime", "2036-04-20T19:00", "platformId", platform))));
    models.add(id(make.consulted("基准镇", "二村", Steps.investigation(), Steps.meetingSchedule("meetingTime", "2036-04-03T19:00"))));
    for (int i = 0; i < MATTERS; i++) copy(models.get(i % models.size()), FIRST_ID + i, "基准镇" + (i % 20));
    jdbc.update("INSERT INTO matter_score_change (demand_id) SELECT id FROM demand WHERE id >= ?", FIRST_ID);
    ScorePeriod year = scorecard.period("2036");

    report("before: any of them (every matter of the year scored)", () -> fresh(year));
    long start = System.nanoTime();
    while (jdbc.queryForObject("SELECT COUNT(*) FROM matter_score_change", Long.class) > 0) sleep();
    System.out.printf("BENCH scores %d matters: the worker computed and stored them all in %.0f ms%n",
        MATTERS + 2, (System.nanoTime() - start) / 1e6);
    jdbc.update("UPDATE matter_score SET rules_version = 'outdated' WHERE demand_id >= ?", FIRST_ID);
    start = System.nanoTime();
    scorecard.townships(year);
    System.out.printf("BENCH scores %d matters: a read recomputing all of them (outdated rules) %.0f ms%n",
        MATTERS + 2, (System.nanoTime() - start) / 1e6);
    report("after: townships", () -> scorecard.townships(year));
    report("after: platforms", () -> scorecard.platforms(year));
    report("after: matters, first 100", () -> scorecard.matters(year, 0, 100));
    report("after: matters, all", () -> scorecard.matters(year));
  }

  static void sleep() {
    try {
      Thread.sleep(100);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  List<MatterScore> fresh(ScorePeriod period) {
    return ScorecardEvaluator.evaluate(rules.current(), records.consultedIn(period));
  }

  long id(Steps steps) {
    return jdbc.queryForObject("SELECT id FROM demand WHERE tracking_code = ?", Long.class, steps.code());
  }

  /** The demand and what the scorecard reads of it, as a new demand of another township. */
  void copy(long from, long to, String township) {
    Map<String, Object> demand = jdbc.queryForList("SELECT * FROM demand WHERE id = ?", from).get(0);
    demand.put(key(demand, "id"), to);
    demand.put(key(demand, "tracking_code"), "SL-2036-" + to);
    demand.put(key(demand, "idempotency_key"), null);
    demand.put(key(demand, "township"), township);
    insert("demand", demand);
    List<String> tables = List.of("meeting", "investigation", "reply_clock");
    for (int t = 0; t < tables.size(); t++) {
      int n = 0;
      for (Map<String, Object> row : jdbc.queryForList("SELECT * FROM " + tables.get(t) + " WHERE demand_id = ?", from)) {
        row.put(key(row, "id"), to * 100 + t * 10 + n++);
        row.put(key(row, "demand_id"), to);
        insert(tables.get(t), row);
      }
    }
    for (Map<String, Object> row : jdbc.queryForList("SELECT * FROM decision WHERE demand_id = ?", from)) {
      Object decision = row.get(key(row, "id"));
      row.put(key(row, "id"), to * 100 + 90);
      row.put(key(row, "demand_id"), to);
      insert("decision", row);
      for (Map<String, Object> item : jdbc.queryForList("SELECT * FROM action_item WHERE decision_id = ?", decision)) {
        item.put(key(item, "decision_id"), to * 100 + 90);
        insert("action_item", item);
      }
    }
  }

  static String key(Map<String, Object> row, String column) {
    return row.keySet().stream().filter(k -> k.equalsIgnoreCase(column)).findFirst().orElse(column);
  }

  void insert(String table, Map<String, Object> row) {
    Map<String, Object> values = new LinkedHashMap<>(row);
    jdbc.update("INSERT INTO " + table + " (" + String.join(", ", values.keySet()) + ") VALUES ("
        + String.join(", ", values.keySet().stream().map(k -> "?").toList()) + ")", values.values().toArray());
  }

  static void report(String what, Supplier<?> call) {
    for (int warm = 0; warm < 2; warm++) call.get();
    long[] nanos = new long[7];
    for (int i = 0; i < nanos.length; i++) {
      long start = System.nanoTime();
      call.get();
      nanos[i] = System.nanoTime() - start;
    }
    Arrays.sort(nanos);
    System.out.printf("BENCH scores %d matters, %s: median %.0f ms, max %.0f ms%n", MATTERS + 2, what, nanos[3] / 1e6,
        nanos[6] / 1e6);
  }
}
