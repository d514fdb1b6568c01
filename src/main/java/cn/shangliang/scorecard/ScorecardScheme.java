package cn.shangliang.scorecard;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The scorecard in force ({@code rules/scorecard/scheme.yaml}): weighted indicators of items and deductions,
 * bonus items with a cap, and the grades.
 */
public record ScorecardScheme(String name, double bonusCap, String coreMissedGrade, List<Grade> grades,
    List<Indicator> indicators, List<ScoreItem> bonus) {

  /** A grade from a total upwards (优秀 ≥ 90 …), highest first. */
  public record Grade(double atLeast, String label) {}

  public record Indicator(String key, String label, double weight, List<ScoreItem> items, List<ScoreItem> deductions) {
    /** Full marks inside the indicator: the points of its items. */
    public double full() {
      return items.stream().mapToDouble(ScoreItem::getPoints).sum();
    }
  }

  /** Every item, deduction and bonus: the facts the rules test. */
  public List<ScoreItem> allItems() {
    List<ScoreItem> all = new ArrayList<>();
    for (Indicator indicator : indicators) {
      all.addAll(indicator.items());
      all.addAll(indicator.deductions());
    }
    all.addAll(bonus);
    return all;
  }

  public String grade(double total, boolean coreMissed) {
    String grade = grades.get(grades.size() - 1).label();
    for (Grade g : grades) {
      if (total >= g.atLeast()) {
        grade = g.label();
        break;
      }
    }
    if (coreMissed) {
      int cap = indexOf(coreMissedGrade);
      if (indexOf(grade) < cap) grade = coreMissedGrade;
    }
    return grade;
  }

  private int indexOf(String label) {
    for (int i = 0; i < grades.size(); i++) if (grades.get(i).label().equals(label)) return i;
    return grades.size() - 1;
  }

  /** The measures an item may read, with what they count (README, /api/scorecard/scheme). */
  public static final Map<String, String> MEASURES = Map.ofEntries(
      Map.entry("investigated", "有调查核实记录（有=1）"),
      Map.entry("stakeholdersIdentified", "调查中列出的利益相关方（类）"),
      Map.entry("noticeDaysBeforeMeeting", "事先知情通报比议事时间提前的天数"),
      Map.entry("participantKinds", "邀请参会的各方（MEMBERS、VILLAGE_COMMITTEE、RESIDENTS、DEPARTMENTS、EXPERTS、STAKEHOLDERS）"),
      Map.entry("membersAttended", "参会政协委员（人）"),
      Map.entry("attendance", "参会人数"),
      Map.entry("minutesRecorded", "会议记录了各方意见和共识（是=1）"),
      Map.entry("heldAtCompliantPlatform", "在\"六有\"全部达标的协商平台召开（是=1）"),
      Map.entry("meetingForm", "协商形式（COURTYARD、HEARING、COUNCIL、DECISION_HEARING、ONLINE）"),
      Map.entry("actionItems", "决定中的落实事项（项）"),
      Map.entry("lateReplies", "承办单位超过时限答复或逾期未答复的次数（还没有答复、也没有逾期时未到评价时点）"),
      Map.entry("slaBreaches", "超期进入督办的次数（答复未全部到达或逾期前未到评价时点）"),
      Map.entry("publicized", "办理结果已公示（是=1）"),
      Map.entry("satisfactionRate", "最近一轮回访的满意率（满意+基本满意，%；无人评价时未到评价时点）"),
      Map.entry("unsatisfied", "最近一轮回访的不满意（件；无人评价时未到评价时点）"),
      Map.entry("objectionsUpheld", "公示异议成立（件；公示期结束前未到评价时点）"),
      Map.entry("onlineOpinions", "网络协商收到的意见（条）"),
      Map.entry("becameProposal", "协商成果转为提案并立案（是=1）"),
      Map.entry("solved", "已办结且最近一轮回访无不满意（是=1）"));
}
