package cn.shangliang.bench;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shangliang.routing.RoutingRules;
import cn.shangliang.rules.RuleBase;
import cn.shangliang.rules.RuleBaseLoader;
import cn.shangliang.rules.RuleData;
import cn.shangliang.scorecard.MatterFacts;
import cn.shangliang.scorecard.MatterScore;
import cn.shangliang.scorecard.ScorecardData;
import cn.shangliang.scorecard.ScorecardEvaluator;
import cn.shangliang.system.DesignerFolder;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The scorecard's Drools evaluation for a whole period at once (a county's year is a few thousand consulted
 * matters): time for one period of N generated matters and matters/s. Run: {@code mvn verify -Pbench}.
 */
@Tag("bench")
class ScorecardBenchmark {
  static final int MATTERS = Integer.getInteger("bench.scorecard.matters", 10_000);
  static final int ROUNDS = Integer.getInteger("bench.scorecard.rounds", 5);

  static List<MatterFacts> matters(int count, long seed) {
    Random r = new Random(seed);
    String[] kinds = {"MEMBERS", "VILLAGE_COMMITTEE", "RESIDENTS", "DEPARTMENTS", "EXPERTS", "STAKEHOLDERS"};
    String[] forms = {"COURTYARD", "HEARING", "COUNCIL", "DECISION_HEARING", "ONLINE"};
    List<MatterFacts> matters = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      Map<String, Object> m = new HashMap<>();
      m.put("investigated", r.nextInt(10) > 0);
      m.put("stakeholdersIdentified", r.nextInt(4));
      m.put("noticeDaysBeforeMeeting", r.nextInt(5) == 0 ? null : r.nextDouble() * 7);
      List<String> invited = new ArrayList<>();
      for (String k : kinds) if (r.nextInt(4) > 0) invited.add(k);
      m.put("participantKinds", invited);
      m.put("membersAttended", r.nextInt(4));
      m.put("attendance", 5 + r.nextInt(60));
      m.put("minutesRecorded", r.nextInt(8) > 0);
      m.put("heldAtCompliantPlatform", r.nextBoolean());
      m.put("meetingForm", forms[r.nextInt(forms.length)]);
      m.put("actionItems", r.nextInt(3));
      m.put("lateReplies", r.nextInt(6) == 0 ? 1 : 0);
      m.put("slaBreaches", r.nextInt(8) == 0 ? 1 + r.nextInt(2) : 0);
      m.put("publicized", r.nextInt(3) > 0);
      m.put("satisfactionRate", r.nextInt(3) == 0 ? null : 60 + r.nextDouble() * 40);
      m.put("unsatisfied", r.nextInt(10) == 0 ? 1 : 0);
      m.put("objectionsUpheld", r.nextInt(20) == 0 ? 1 : 0);
      m.put("onlineOpinions", r.nextInt(12));
      m.put("becameProposal", r.nextInt(15) == 0);
      m.put("solved", r.nextBoolean());
      matters.add(new MatterFacts(i + 1, "SL-2026-" + (100000 + i), "事项" + i, "乡镇" + (i % 20), "村" + (i % 200),
          (long) (i % 250), "平台" + (i % 250), Instant.parse("2026-06-01T02:00:00Z"), m));
    }
    return matters;
  }

  @Test
  void aPeriodOfMatters() {
    List<RuleData<?>> kinds = new ArrayList<>(RoutingRules.dataKinds());
    kinds.add(new ScorecardData());
    RuleBase rules = new RuleBaseLoader(kinds, Clock.systemUTC()).load(new DesignerFolder(Path.of("rules"), "rules"));
    List<MatterFacts> matters = matters(MATTERS, 7);
    for (int warm = 0; warm < 2; warm++) ScorecardEvaluator.evaluate(rules, matters);
    long[] nanos = new long[ROUNDS];
    List<MatterScore> scores = null;
    Runtime runtime = Runtime.getRuntime();
    System.gc();
    long before = runtime.totalMemory() - runtime.freeMemory();
    long peak = before;
    for (int i = 0; i < ROUNDS; i++) {
      long start = System.nanoTime();
      scores = ScorecardEvaluator.evaluate(rules, matters);
      nanos[i] = System.nanoTime() - start;
      peak = Math.max(peak, runtime.totalMemory() - runtime.freeMemory());
    }
    assertThat(scores).hasSize(MATTERS);
    double median = Figures.percentileMillis(nanos, 50);
    Figures.report(String.format("scorecard %d matters in one session: median %.0f ms per period (%.0f matters/s), "
        + "heap grown up to %d MB", MATTERS, median, MATTERS / (median / 1000), (peak - before) / (1024 * 1024)));
  }
}
