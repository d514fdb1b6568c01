package cn.shangliang.scorecard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.shangliang.routing.RoutingRules;
import cn.shangliang.rules.RuleBase;
import cn.shangliang.rules.RuleBaseLoader;
import cn.shangliang.rules.RuleData;
import cn.shangliang.system.DesignerFolder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** 民主协商打分器: rules/scorecard/ on fixtures — each indicator, deductions, bonus, weighting, a scheme change by data. */
@Tag("no-database")
class ScorecardRulesTest {
  @TempDir Path copy;

  static RuleBase load(Path folder) {
    List<RuleData<?>> kinds = new ArrayList<>(RoutingRules.dataKinds());
    kinds.add(new ScorecardData());
    return new RuleBaseLoader(kinds, Clock.systemUTC()).load(new DesignerFolder(folder, "rules"));
  }

  /** A matter whose records meet every item of the default scheme, and earn no bonus. */
  static Map<String, Object> exemplary() {
    Map<String, Object> m = new HashMap<>();
    m.put("investigated", true);
    m.put("stakeholdersIdentified", 3);
    m.put("noticeDaysBeforeMeeting", 4.5);
    m.put("participantKinds", List.of("MEMBERS", "VILLAGE_COMMITTEE", "RESIDENTS", "DEPARTMENTS", "EXPERTS"));
    m.put("membersAttended", 2);
    m.put("attendance", 30);
    m.put("minutesRecorded", true);
    m.put("heldAtCompliantPlatform", true);
    m.put("meetingForm", "COURTYARD");
    m.put("actionItems", 2);
    m.put("lateReplies", 0);
    m.put("slaBreaches", 0);
    m.put("publicized", true);
    m.put("satisfactionRate", 100.0);
    m.put("unsatisfied", 0);
    m.put("objectionsUpheld", 0);
    m.put("onlineOpinions", 6);
    m.put("becameProposal", false);
    m.put("solved", false);
    return m;
  }

  static MatterFacts matter(long id, Object... changes) {
    Map<String, Object> m = exemplary();
    for (int i = 0; i + 1 < changes.length; i += 2) m.put((String) changes[i], changes[i + 1]);
    return new MatterFacts(id, "SL-" + id, "事项" + id, "中峰镇", "同庆沟村", null, null, Instant.parse("2026-03-01T02:00:00Z"), m);
  }

  static MatterScore score(RuleBase base, MatterFacts facts) {
    return ScorecardEvaluator.evaluate(base, List.of(facts)).get(0);
  }

  static double indicator(MatterScore s, String key) {
    return s.indicators().stream().filter(i -> i.key().equals(key)).findFirst().orElseThrow().score();
  }

  static MatterScore.ItemResult item(MatterScore s, String key) {
    return s.items().stream().filter(i -> i.key().equals(key)).findFirst().orElseThrow();
  }

  final RuleBase real = load(Path.of("rules"));

  @Test
  void everyItemMet_isFullMarks_andTheGradeIsTheTop() {
    MatterScore s = score(real, matter(1));
    assertThat(s.total()).isEqualTo(100.0);
    assertThat(s.grade()).isEqualTo("优秀");
    assertThat(s.coreMissed()).isEmpty();
    assertThat(s.indicators()).extracting(MatterScore.IndicatorScore::score).containsExactly(25.0, 35.0, 30.0, 10.0);
    assertThat(s.items().stream().filter(i -> i.kind().equals("ITEM")).allMatch(MatterScore.ItemResult::met)).isTrue();
  }

  @Test
  void eachIndicator_losesItsItemsShareOfItsWeight() {
    // 议题调研论证 (25): stakeholders 40 of 100 points lost → 15
    MatterScore research = score(real, matter(2, "stakeholdersIdentified", 1));
    assertThat(indicator(research, "TOPIC_RESEARCH")).isEqualTo(15.0);
    assertThat(research.total()).isEqualTo(90.0);
    MatterScore.ItemResult lost = item(research, "STAKEHOLDERS_IDENTIFIED");
    assertThat(lost.met()).isFalse();
    assertThat(lost.lost()).isEqualTo(40.0);
    assertThat(lost.measured()).isEqualTo("1");
    assertThat(lost.test()).isEqualTo("≥ 2");
    // 组织开展协商会议 (35): residents not invited → 25 of 100 lost → 26.25 → 26.3
    MatterScore meeting = score(real, matter(3, "participantKinds", List.of("MEMBERS", "VILLAGE_COMMITTEE", "DEPARTMENTS")));
    assertThat(indicator(meeting, "MEETING")).isEqualTo(26.3);
    assertThat(item(meeting, "STAKEHOLDERS_INVITED").measured()).isEqualTo("MEMBERS、VILLAGE_COMMITTEE、DEPARTMENTS");
    // 协商成果报送落实 (30): a late reply (30) and satisfaction below 90% (20) → 50 of 100 → 15
    MatterScore results = score(real, matter(4, "lateReplies", 1, "satisfactionRate", 80.0));
    assertThat(indicator(results, "RESULTS")).isEqualTo(15.0);
    // nothing answered yet: the satisfaction item cannot be earned
    assertThat(item(score(real, matter(5, "satisfactionRate", null)), "SATISFACTION").measured()).isEqualTo("—");
    // 协商工作探索创新 (10): a council and no online round → 0
    MatterScore innovation = score(real, matter(6, "meetingForm", "COUNCIL", "onlineOpinions", 0));
    assertThat(indicator(innovation, "INNOVATION")).isZero();
    assertThat(innovation.total()).isEqualTo(90.0);
  }

  @Test
  void anAtMostItem_isPending_notEarned_beforeWhatItMeasuresHappened() {
    NotYet noReply = new NotYet("尚无答复");
    NotYet noVote = new NotYet("尚无人评价");
    MatterScore before = score(real, matter(30, "lateReplies", noReply, "slaBreaches", noReply, "satisfactionRate", noVote,
        "unsatisfied", noVote, "objectionsUpheld", new NotYet("尚未公示")));
    MatterScore.ItemResult onTime = item(before, "REPLIED_ON_TIME");
    assertThat(onTime.met()).as("≤ 0 late replies is not earned before any reply exists").isFalse();
    assertThat(onTime.pending()).isTrue();
    assertThat(onTime.lost()).as("nor counted as lost").isZero();
    assertThat(onTime.measured()).isEqualTo("未到评价时点（尚无答复）");
    assertThat(item(before, "SLA_BREACH").change()).isZero();
    assertThat(item(before, "SLA_BREACH").pending()).isTrue();
    assertThat(before.pending()).containsExactly("承办单位在时限内答复落实", "群众满意率（含基本满意）不低于90%",
        "超期进入督办，每次扣5分", "公示异议成立，每件扣10分");
    assertThat(indicator(before, "RESULTS")).isEqualTo(15.0); // decision 30 + publicized 20 of 100 × 30
    assertThat(before.total()).isEqualTo(85.0);
    MatterScore after = score(real, matter(31));
    assertThat(item(after, "REPLIED_ON_TIME").met()).isTrue();
    assertThat(item(after, "REPLIED_ON_TIME").pending()).isFalse();
    assertThat(after.pending()).isEmpty();
    MatterScore late = score(real, matter(32, "lateReplies", 1));
    assertThat(item(late, "REPLIED_ON_TIME").lost()).isEqualTo(30.0);
    assertThat(item(late, "REPLIED_ON_TIME").pending()).isFalse();
  }

  @Test
  void anyAtMostItemADesignerAdds_waitsForItsMeasure_andAPendingCoreItemIsNotMissed() throws IOException {
    copyRules();
    edit("measure: lateReplies, atMost: 0, points: 30 }", "measure: lateReplies, atMost: 0, points: 30, core: true }");
    edit("bonus:\n", "bonus:\n  - { key: NONE_UNSATISFIED, label: 回访无不满意, measure: unsatisfied, atMost: 0, points: 3 }\n");
    RuleBase edited = load(copy);
    MatterScore before = score(edited, matter(40, "lateReplies", new NotYet("尚在答复时限内"), "unsatisfied", new NotYet("尚无人评价")));
    assertThat(item(before, "NONE_UNSATISFIED").met()).isFalse();
    assertThat(item(before, "NONE_UNSATISFIED").pending()).isTrue();
    assertThat(before.bonus()).isZero();
    assertThat(before.coreMissed()).as("a core item not judged yet is not missed").isEmpty();
    assertThat(before.total()).isEqualTo(91.0); // 100 − 30% of 30
    assertThat(before.grade()).as("not capped at 合格 as a missed core item would be").isEqualTo("优秀");
    MatterScore after = score(edited, matter(41));
    assertThat(item(after, "NONE_UNSATISFIED").met()).isTrue();
    assertThat(after.bonus()).isEqualTo(3.0);
  }

  @Test
  void deductions_countEachOccurrence_andStopAtZero() {
    MatterScore twice = score(real, matter(7, "slaBreaches", 2));
    assertThat(item(twice, "SLA_BREACH").change()).isEqualTo(-10.0);
    assertThat(indicator(twice, "RESULTS")).isEqualTo(27.0); // (100 - 10) / 100 × 30
    MatterScore objection = score(real, matter(8, "objectionsUpheld", 1, "slaBreaches", 1));
    assertThat(indicator(objection, "RESULTS")).isEqualTo(25.5); // (100 - 10 - 5) / 100 × 30
    MatterScore floor = score(real, matter(9, "slaBreaches", 40, "lateReplies", 3, "actionItems", 0, "publicized", false,
        "satisfactionRate", 10.0));
    assertThat(indicator(floor, "RESULTS")).as("never below zero").isZero();
    assertThat(item(floor, "SLA_BREACH").change()).isEqualTo(-200.0);
  }

  @Test
  void bonus_addsOnTop_upToTheCap() {
    MatterScore one = score(real, matter(10, "becameProposal", true));
    assertThat(one.bonus()).isEqualTo(5.0);
    assertThat(one.total()).isEqualTo(105.0);
    MatterScore both = score(real, matter(11, "becameProposal", true, "solved", true));
    assertThat(both.bonus()).isEqualTo(10.0);
    assertThat(both.total()).isEqualTo(110.0);
  }

  @Test
  void aCoreItemMissed_capsTheGrade() {
    MatterScore noNotice = score(real, matter(12, "noticeDaysBeforeMeeting", 1.0, "becameProposal", true, "solved", true));
    assertThat(noNotice.total()).isEqualTo(101.3); // 35 × 75% = 26.25 → 91.25 + 10
    assertThat(noNotice.coreMissed()).containsExactly("会前至少3天发出事先知情通报");
    assertThat(noNotice.grade()).isEqualTo("合格");
    MatterScore weak = score(real, matter(13, "investigated", false, "stakeholdersIdentified", 0, "actionItems", 0,
        "noticeDaysBeforeMeeting", null, "publicized", false));
    assertThat(weak.total()).isEqualTo(51.3); // 0 + 26.25 + 15 + 10
    assertThat(weak.grade()).isEqualTo("不合格");
  }

  @Test
  void manyMatters_inOneSession_areScoredApart() {
    List<MatterFacts> matters = new ArrayList<>();
    for (int i = 0; i < 200; i++) matters.add(matter(100 + i, "slaBreaches", i % 3, "stakeholdersIdentified", i % 2 == 0 ? 3 : 1));
    List<MatterScore> scores = ScorecardEvaluator.evaluate(real, matters);
    for (int i = 0; i < 200; i++) {
      double expected = 100 - (i % 2 == 0 ? 0 : 10) - (i % 3) * 1.5;
      assertThat(scores.get(i).total()).as("matter %d", i).isEqualTo(expected);
    }
  }

  void copyRules() throws IOException {
    Path source = Path.of("rules");
    try (Stream<Path> walk = Files.walk(source)) {
      for (Path path : walk.toList()) {
        Path to = copy.resolve(source.relativize(path).toString());
        if (Files.isDirectory(path)) Files.createDirectories(to);
        else Files.copy(path, to);
      }
    }
  }

  void edit(String from, String to) throws IOException {
    Path scheme = copy.resolve("scorecard/scheme.yaml");
    String text = Files.readString(scheme);
    assertThat(text).contains(from);
    Files.writeString(scheme, text.replace(from, to));
  }

  @Test
  void theWeighting_andTheItems_changeByEditingTheSchemeOnly() throws IOException {
    copyRules();
    // research counts for less, the meeting for more; a new item asks for ten people at the meeting
    edit("label: 议题调研论证\n    weight: 25", "label: 议题调研论证\n    weight: 15");
    edit("label: 组织开展协商会议\n    weight: 35", "label: 组织开展协商会议\n    weight: 45");
    edit("      - { key: MINUTES_RECORDED,", "      - { key: TEN_ATTEND, label: 参会人数不少于10人, measure: attendance, atLeast: 10, points: 20 }\n"
        + "      - { key: MINUTES_RECORDED,");
    edit("bonusCap: 10", "bonusCap: 6");
    RuleBase edited = load(copy);
    MatterScore s = score(edited, matter(20, "stakeholdersIdentified", 0, "attendance", 8, "becameProposal", true, "solved", true));
    assertThat(indicator(s, "TOPIC_RESEARCH")).isEqualTo(9.0);   // 60 of 100 × 15
    assertThat(indicator(s, "MEETING")).isEqualTo(37.5);         // 100 of 120 × 45
    assertThat(item(s, "TEN_ATTEND").measured()).isEqualTo("8");
    assertThat(s.bonus()).isEqualTo(6.0);
    assertThat(s.total()).isEqualTo(9.0 + 37.5 + 30 + 10 + 6);
    assertThat(score(real, matter(20, "stakeholdersIdentified", 0, "attendance", 8)).total()).as("the real scheme unchanged")
        .isEqualTo(90.0);
  }

  @Test
  void aBrokenScheme_isRefusedWithEveryProblemNamed() throws IOException {
    copyRules();
    edit("weight: 10", "weight: 20");
    edit("measure: onlineOpinions", "measure: likes");
    edit("{ key: PUBLICIZED, label: 办理结果公示, measure: publicized, atLeast: 1,",
        "{ key: PUBLICIZED, label: 办理结果公示, measure: publicized, atLeast: 1, atMost: 3,");
    assertThatThrownBy(() -> load(copy)).hasMessageContaining("scorecard/scheme.yaml")
        .hasMessageContaining("weights add up to 110, not 100")
        .hasMessageContaining("unknown measure 'likes'")
        .hasMessageContaining("item PUBLICIZED: give exactly one of atLeast, atMost, includesAll, includesAny");
  }
}
