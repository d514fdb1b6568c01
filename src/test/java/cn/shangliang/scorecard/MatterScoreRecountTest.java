package cn.shangliang.scorecard;

import static cn.shangliang.support.TestClock.at;
import static org.assertj.core.api.Assertions.assertThat;

import cn.shangliang.consultation.VillageAssignments;
import cn.shangliang.rules.RulesService;
import cn.shangliang.support.Demands;
import cn.shangliang.support.EngineRegistration;
import cn.shangliang.support.Http;
import cn.shangliang.support.Steps;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestExecutionListeners;

/**
 * The stored scores are kept exact (issue #23): matters built and changed through the product's own paths (a reply
 * in time, time passing a reply's due date, a breach, a late reply, an evaluation, a change of the scorecard's rules),
 * and after each change every stored score equals a fresh evaluation of the matter's records, and the matters list
 * and both rankings equal the computation over all matters that answered them before scores were stored. A context
 * of its own: it changes its copy of {@code rules/}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestExecutionListeners(listeners = EngineRegistration.class, mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
class MatterScoreRecountTest {
  static final Path RULES = copyOfRules();
  static final List<String> PERIODS = List.of("2037", "2037-Q1", "2037-03", "2037-Q2");

  @DynamicPropertySource
  static void rulesFolder(DynamicPropertyRegistry registry) {
    registry.add("shangliang.rules-dir", RULES::toString);
  }

  static Path copyOfRules() {
    try {
      Path folder = Files.createTempDirectory("shangliang-score-rules");
      Path source = Path.of("rules");
      try (Stream<Path> walk = Files.walk(source)) {
        for (Path path : walk.toList()) {
          Path to = folder.resolve(source.relativize(path).toString());
          if (Files.isDirectory(path)) Files.createDirectories(to);
          else Files.copy(path, to);
        }
      }
      return folder;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @AfterAll
  static void removeRules() throws IOException {
    try (Stream<Path> walk = Files.walk(RULES)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired VillageAssignments villages;
  @Autowired MatterScores stored;
  @Autowired ScorecardRecords records;
  @Autowired RulesService rules;
  @Autowired Scorecard scorecard;
  @Autowired ObjectMapper json;
  @Autowired JdbcTemplate jdbc;

  @AfterEach
  void reset() {
    ClockUtil.reset();
  }

  Http http(String user) {
    return new Http(port).as(user);
  }

  @Test
  void storedScores_equalAFreshEvaluation_throughChangesAndARulesChange() throws IOException {
    String suffix = UUID.randomUUID().toString().substring(0, 5);
    String east = "东镇" + suffix;
    String west = "西镇" + suffix;
    at("2037-03-02T10:00:00+08:00");
    String platform = compliantPlatform(east);
    Steps a = consulted(east, "甲村", Steps.investigation("stakeholders", "三组村民、沿街商户"),
        Steps.meetingSchedule("meetingTime", "2037-03-20T19:00", "inviteVillageCommittee", true, "platformId", platform));
    Steps b = consulted(east, "乙村", Steps.investigation(), Steps.meetingSchedule("meetingTime", "2037-03-03T19:00"));
    Steps c = consulted(west, "丙村", Steps.investigation(), Steps.meetingSchedule("meetingTime", "2037-03-12T19:00",
        "platformId", platform));
    consulted(west, "丁村", Steps.investigation("stakeholders", "商户、学校"), Steps.meetingSchedule("meetingTime", "2037-03-09T19:00"));
    consulted(west, "戊村", Steps.investigation(), Steps.meetingSchedule("meetingTime", "2037-03-10T19:00"));
    exact("matters consulted");

    a.complete("UserTask_DepartmentReply", "transport", List.of("dept-transport"), Map.of("resultText", "已安排修补积水路段。"));
    exact("a reply in time");
    a.complete("UserTask_ReviewReply", "liaison", List.of("liaison-office"), Map.of("reviewDecision", "ACCEPT"));
    exact("the reply accepted and publicized");

    at("2037-05-06T10:00:00+08:00");
    exact("replies due meanwhile, by time alone");
    b.fireDueTimers();
    c.fireDueTimers();
    exact("breaches");
    b.complete("UserTask_DepartmentReply", "transport", List.of("dept-transport"), Map.of("resultText", "已补办。"));
    exact("a late reply");

    evaluated(a, "UNSATISFIED");
    exact("an evaluation");

    String before = rules.current().checksum();
    Path scheme = RULES.resolve("scorecard/scheme.yaml");
    Files.writeString(scheme, Files.readString(scheme).replace("atLeast: 2, points: 40", "atLeast: 2, points: 25")
        .replace("{ atLeast: 75, label: 良好 }", "{ atLeast: 70, label: 良好 }"));
    assertThat(http("admin").post("/api/admin/rules/reload", "").status()).isEqualTo(200);
    assertThat(rules.current().checksum()).isNotEqualTo(before);
    exact("the rules changed, read at once");
    String version = stored.version(rules.current());
    long deadline = System.currentTimeMillis() + 60_000;
    while (jdbc.queryForObject("SELECT COUNT(*) FROM matter_score WHERE rules_version <> ?", Long.class, version) > 0
        && System.currentTimeMillis() < deadline) {
      sleep();
    }
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM matter_score WHERE rules_version <> ?", Long.class, version))
        .as("the background batch recomputed every score").isZero();
    exact("the rules changed, recomputed in the background");

    JsonNode all = http("supervisor").get("/api/scorecard/matters?period=2037").json();
    JsonNode page = http("supervisor").get("/api/scorecard/matters?period=2037&limit=2&offset=1").json();
    assertThat(page).hasSize(2);
    assertThat(page.get(0)).isEqualTo(all.get(1));
    assertThat(page.get(1)).isEqualTo(all.get(2));
    assertThat(http("supervisor").get("/api/scorecard/matters?period=2037&limit=0").status()).isEqualTo(400);
    assertThat(http("supervisor").get("/api/scorecard/matters?period=2037&limit=1001").status()).isEqualTo(400);
    assertThat(http("supervisor").get("/api/scorecard/matters?period=2037&limit=5&offset=-1").status()).isEqualTo(400);
  }

  static void sleep() {
    try {
      Thread.sleep(200);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  String compliantPlatform(String township) {
    return new ScorecardMatters(port, engine, villages).compliantPlatform(township, "2037-03-01");
  }

  Steps consulted(String township, String village, Map<String, Object> investigation, Map<String, Object> schedule) {
    return new ScorecardMatters(port, engine, villages).consulted(township, village, investigation, schedule);
  }

  /** The publicity window of the replied matter closes, and its submitter evaluates it. */
  void evaluated(Steps steps, String rating) {
    Instant now = ClockUtil.now().toInstant();
    at(now.plusSeconds(10 * 24 * 3600).atOffset(java.time.ZoneOffset.ofHours(8)).toString());
    steps.fireDueTimers();
    Http.Response done = new Http(port).post("/api/public/demands/" + steps.code() + "/evaluation",
        Map.of("rating", rating, "comment", "积水路段还没有修好。", "accessCode", Demands.accessCode(new Http(port), steps.code())));
    assertThat(done.status()).as(done.body() + " open: " + steps.openTasks()).isEqualTo(201);
    steps.runJobs();
  }

  /** Every stored score equals a fresh one, and the answers equal the computation over all matters of the period. */
  void exact(String after) {
    for (String text : PERIODS) {
      ScorePeriod period = scorecard.period(text);
      List<MatterScore> fresh = new ArrayList<>(ScorecardEvaluator.evaluate(rules.current(), records.consultedIn(period)));
      fresh.sort(Comparator.comparingDouble(MatterScore::total).reversed().thenComparing(MatterScore::trackingCode));
      assertThat(tree(http("supervisor").get("/api/scorecard/matters?period=" + text).json()))
          .as("matters of %s after %s", text, after).isEqualTo(tree(fresh));
      ScorecardScheme scheme = scorecard.scheme();
      assertThat(http("supervisor").get("/api/scorecard/townships?period=" + text).json())
          .as("townships of %s after %s", text, after)
          .isEqualTo(tree(Recount.rank(period, scheme, "township", fresh, MatterScore::township, MatterScore::township, null)));
      List<MatterScore> placed = fresh.stream().filter(s -> s.platformId() != null).toList();
      List<MatterScore> elsewhere = fresh.stream().filter(s -> s.platformId() == null).toList();
      assertThat(http("supervisor").get("/api/scorecard/platforms?period=" + text).json())
          .as("platforms of %s after %s", text, after)
          .isEqualTo(tree(Recount.rank(period, scheme, "platform", placed, MatterScore::platformId, MatterScore::platformName,
              elsewhere.isEmpty() ? null : Recount.standing(null, elsewhere, Scorecard.WITHOUT_PLATFORM, null, scheme))));
    }
    storedEqualFresh(after);
  }

  /** Every stored score of a year of the periods above, as the store holds it after a read, equals a fresh evaluation. */
  void storedEqualFresh(String after) {
    ScorePeriod year = scorecard.period("2037");
    stored.refresh(year, ClockUtil.now().toInstant());
    Map<String, MatterScore> fresh = new TreeMap<>();
    for (MatterScore s : ScorecardEvaluator.evaluate(rules.current(), records.consultedIn(year))) fresh.put(s.matterId(), s);
    Map<String, MatterScore> kept = new TreeMap<>();
    for (MatterScore s : stored.matters(year, null, null)) kept.put(s.matterId(), s);
    assertThat(kept).as("stored scores after %s", after).isEqualTo(fresh);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM matter_score WHERE consulted_at >= ? AND consulted_at < ?"
        + " AND rules_version <> ?", Long.class, java.sql.Timestamp.from(year.from()), java.sql.Timestamp.from(year.to()),
        stored.version(rules.current()))).as("none of another version after %s", after).isZero();
  }

  JsonNode tree(Object value) {
    return json.valueToTree(value);
  }

  /**
   * The rankings as computed before scores were stored (every matter of the period in memory), the mean taken exactly:
   * the sum of the one-decimal scores over their number, rounded half up (the double mean of before could fall
   * 0.1 short at a half: 41.2 and 41.3 gave 41.2 or 41.3 depending on the binary sum).
   */
  static final class Recount {
    static Scorecard.Ranking rank(ScorePeriod period, ScorecardScheme scheme, String by, List<MatterScore> scores,
        Function<MatterScore, String> key, Function<MatterScore, String> name, Scorecard.Standing withoutPlatform) {
      Map<String, List<MatterScore>> groups = new TreeMap<>();
      for (MatterScore score : scores) groups.computeIfAbsent(key.apply(score), k -> new ArrayList<>()).add(score);
      List<Scorecard.Standing> standings = new ArrayList<>();
      for (Map.Entry<String, List<MatterScore>> group : groups.entrySet()) {
        MatterScore first = group.getValue().get(0);
        standings.add(standing(group.getKey(), group.getValue(), name.apply(first), first.township(), scheme));
      }
      standings.sort(Comparator.comparingDouble(Scorecard.Standing::average).reversed().thenComparing(Scorecard.Standing::name));
      List<Scorecard.Standing> ranked = new ArrayList<>();
      for (int i = 0; i < standings.size(); i++) {
        Scorecard.Standing s = standings.get(i);
        int rank = i > 0 && standings.get(i - 1).average() == s.average() ? ranked.get(i - 1).rank() : i + 1;
        ranked.add(new Scorecard.Standing(rank, s.key(), s.name(), s.township(), s.matters(), s.average(), s.lowest(),
            s.highest(), s.grade(), s.indicators(), s.mostLost()));
      }
      return new Scorecard.Ranking(period.label(), scheme.name(), by, ranked, withoutPlatform);
    }

    static Scorecard.Standing standing(String key, List<MatterScore> in, String name, String township, ScorecardScheme scheme) {
      double average = mean(in.stream().map(MatterScore::total).toList());
      Map<String, Double> indicators = new LinkedHashMap<>();
      for (ScorecardScheme.Indicator indicator : scheme.indicators()) {
        indicators.put(indicator.label(), mean(in.stream().flatMap(s -> s.indicators().stream())
            .filter(i -> i.key().equals(indicator.key())).map(MatterScore.IndicatorScore::score).toList()));
      }
      Map<String, Scorecard.WeakItem> lost = new LinkedHashMap<>();
      for (MatterScore s : in) {
        for (MatterScore.ItemResult item : s.items()) {
          if (item.lost() > 0 || item.change() < 0) {
            lost.merge(item.key(), new Scorecard.WeakItem(item.key(), item.label(), 1),
                (x, y) -> new Scorecard.WeakItem(x.key(), x.label(), x.times() + 1));
          }
        }
      }
      List<Scorecard.WeakItem> mostLost = lost.values().stream()
          .sorted(Comparator.comparingInt(Scorecard.WeakItem::times).reversed()).limit(3).toList();
      return new Scorecard.Standing(0, key, name, township, in.size(), average,
          in.stream().mapToDouble(MatterScore::total).min().orElse(0), in.stream().mapToDouble(MatterScore::total).max().orElse(0),
          scheme.grade(average, false), indicators, mostLost);
    }

    static double mean(List<Double> values) {
      if (values.isEmpty()) return 0;
      BigDecimal sum = values.stream().map(BigDecimal::valueOf).reduce(BigDecimal.ZERO, BigDecimal::add);
      return sum.divide(BigDecimal.valueOf(values.size()), 1, RoundingMode.HALF_UP).doubleValue();
    }
  }
}
