package cn.shangliang.scorecard;

import cn.shangliang.rules.RuleBase;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.kie.api.event.rule.DefaultRuleRuntimeEventListener;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.runtime.StatelessKieSession;

/**
 * Scores matters with {@code rules/scorecard/}: the Drools rules decide which items each matter's records meet,
 * then the scheme's arithmetic applies — per indicator the points of met items less deductions (0 to full marks),
 * weighted to a share of 100, plus bonus points up to the cap. Static so tests and benchmarks run it on a rule
 * base loaded without Spring.
 */
public final class ScorecardEvaluator {
  static final String RULES_FOLDER = "scorecard";

  private ScorecardEvaluator() {}

  public static List<MatterScore> evaluate(RuleBase base, List<MatterFacts> matters) {
    ScorecardScheme scheme = base.data(ScorecardScheme.class);
    List<Object> facts = new ArrayList<>(scheme.allItems());
    for (MatterFacts matter : matters) {
      matter.measures().forEach((name, value) -> facts.add(measure(matter.matterId(), name, value)));
    }
    StatelessKieSession session = base.kieBase(RULES_FOLDER).newStatelessKieSession();
    List<Earned> earned = new ArrayList<>();
    session.addEventListener(new DefaultRuleRuntimeEventListener() {
      @Override
      public void objectInserted(ObjectInsertedEvent event) {
        if (event.getObject() instanceof Earned e) earned.add(e);
      }
    });
    session.execute(facts);
    Map<Long, Map<ScoreItem, Earned>> byMatter = new HashMap<>();
    for (Earned e : earned) byMatter.computeIfAbsent(e.getMatterId(), id -> new LinkedHashMap<>()).putIfAbsent(e.getItem(), e);
    List<MatterScore> scores = new ArrayList<>();
    for (MatterFacts matter : matters) {
      scores.add(score(scheme, matter, byMatter.getOrDefault(matter.matterId(), Map.of())));
    }
    return scores;
  }

  static Measure measure(long matterId, String name, Object value) {
    if (value instanceof Collection<?> codes) {
      Set<String> set = new LinkedHashSet<>();
      for (Object code : codes) set.add(String.valueOf(code));
      return new Measure(matterId, name, (double) set.size(), set);
    }
    if (value instanceof Boolean b) return new Measure(matterId, name, b ? 1.0 : 0.0, null);
    if (value instanceof Number n) return new Measure(matterId, name, n.doubleValue(), null);
    if (value instanceof String s) return new Measure(matterId, name, null, Set.of(s));
    // NotYet, like nothing recorded, meets no test: neither "at least" nor "at most" is earned
    return new Measure(matterId, name, null, null);
  }

  private static MatterScore score(ScorecardScheme scheme, MatterFacts matter, Map<ScoreItem, Earned> met) {
    List<MatterScore.ItemResult> results = new ArrayList<>();
    List<MatterScore.IndicatorScore> indicators = new ArrayList<>();
    List<String> coreMissed = new ArrayList<>();
    double total = 0;
    for (ScorecardScheme.Indicator indicator : scheme.indicators()) {
      double raw = 0;
      for (ScoreItem item : indicator.items()) {
        boolean ok = met.containsKey(item);
        boolean pending = !ok && pending(matter, item);
        if (ok) raw += item.getPoints();
        else if (item.isCore() && !pending) coreMissed.add(item.getLabel());
        results.add(result(item, matter, ok, ok ? item.getPoints() : 0, ok || pending ? 0 : item.getPoints()));
      }
      for (ScoreItem deduction : indicator.deductions()) {
        Earned hit = met.get(deduction);
        double off = 0;
        if (hit != null) {
          double times = deduction.isPerOccurrence() && hit.getValue() != null ? Math.max(1, Math.floor(hit.getValue())) : 1;
          off = deduction.getPoints() * times;
          raw -= off;
        }
        results.add(result(deduction, matter, hit != null, -off, 0));
      }
      double full = indicator.full();
      raw = Math.max(0, Math.min(full, raw));
      double weighted = full == 0 ? 0 : indicator.weight() * raw / full;
      total += weighted;
      indicators.add(new MatterScore.IndicatorScore(indicator.key(), indicator.label(), indicator.weight(),
          ScoreFormat.round(full), ScoreFormat.round(raw), ScoreFormat.round(weighted)));
    }
    double bonus = 0;
    for (ScoreItem item : scheme.bonus()) {
      boolean ok = met.containsKey(item);
      if (ok) bonus += item.getPoints();
      results.add(result(item, matter, ok, ok ? item.getPoints() : 0, 0));
    }
    bonus = Math.min(bonus, scheme.bonusCap());
    total = ScoreFormat.round(total + bonus);
    List<String> pending = results.stream().filter(MatterScore.ItemResult::pending).map(MatterScore.ItemResult::label).toList();
    return new MatterScore(String.valueOf(matter.matterId()), matter.trackingCode(), matter.title(), matter.township(),
        matter.village(), matter.platformId() == null ? null : String.valueOf(matter.platformId()), matter.platformName(),
        matter.consultedAt(), total, scheme.grade(total, !coreMissed.isEmpty()), coreMissed, indicators,
        ScoreFormat.round(bonus), results, pending);
  }

  /** The item's measure has not happened yet for this matter ({@link NotYet}): the item is not judged yet. */
  private static boolean pending(MatterFacts matter, ScoreItem item) {
    return matter.measures().get(item.getMeasure()) instanceof NotYet;
  }

  private static MatterScore.ItemResult result(ScoreItem item, MatterFacts matter, boolean met, double change, double lost) {
    return new MatterScore.ItemResult(item.getKey(), item.getLabel(), item.getKind().name(), item.getIndicator(), item.isCore(),
        met, measured(matter.measures().get(item.getMeasure())), item.test(), ScoreFormat.round(change), ScoreFormat.round(lost),
        !met && pending(matter, item));
  }

  private static String measured(Object value) {
    if (value == null) return "—";
    if (value instanceof NotYet notYet) return "未到评价时点（" + notYet.reason() + "）";
    if (value instanceof Boolean b) return b ? "是" : "否";
    if (value instanceof Number n) return ScoreFormat.number(n.doubleValue());
    if (value instanceof Collection<?> c) return c.isEmpty() ? "无" : String.join("、", c.stream().map(String::valueOf).toList());
    return String.valueOf(value);
  }
}
