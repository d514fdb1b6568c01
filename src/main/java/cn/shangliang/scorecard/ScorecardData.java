package cn.shangliang.scorecard;

import cn.shangliang.rules.RuleBase;
import cn.shangliang.rules.RuleData;
import cn.shangliang.rules.RuleFiles;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/** Parses {@code rules/scorecard/scheme.yaml}, refusing a scheme a designer got wrong with every problem named. */
@Component
public class ScorecardData implements RuleData<ScorecardScheme> {
  static final String FILE = "scorecard/scheme.yaml";

  record ItemEntry(String key, String label, String measure, Double atLeast, Double atMost, List<String> includesAll,
      List<String> includesAny, Double points, Boolean core, Boolean perOccurrence) {}

  record IndicatorEntry(String key, String label, Double weight, List<ItemEntry> items, List<ItemEntry> deductions) {}

  record GradeEntry(Double atLeast, String label) {}

  record SchemeFile(String scheme, Double bonusCap, String coreMissedGrade, List<GradeEntry> grades,
      List<IndicatorEntry> indicators, List<ItemEntry> bonus) {}

  @Override
  public Class<ScorecardScheme> type() {
    return ScorecardScheme.class;
  }

  @Override
  public boolean accepts(String path) {
    return path.equals(FILE);
  }

  @Override
  public ScorecardScheme parse(Map<String, byte[]> files, RuleBase.Partial partial) {
    SchemeFile file = RuleFiles.yaml(files, FILE, SchemeFile.class);
    List<String> problems = new ArrayList<>();
    if (blank(file.scheme())) problems.add("scheme needs a name");
    if (file.bonusCap() == null || file.bonusCap() < 0) problems.add("bonusCap must be 0 or more");
    List<ScorecardScheme.Grade> grades = new ArrayList<>();
    for (GradeEntry g : list(file.grades())) {
      if (g.atLeast() == null || blank(g.label())) problems.add("every grade needs atLeast and label");
      else grades.add(new ScorecardScheme.Grade(g.atLeast(), g.label()));
    }
    grades.sort(Comparator.comparingDouble(ScorecardScheme.Grade::atLeast).reversed());
    if (grades.isEmpty()) problems.add("grades are missing");
    if (file.coreMissedGrade() != null && grades.stream().noneMatch(g -> g.label().equals(file.coreMissedGrade()))) {
      problems.add("coreMissedGrade '" + file.coreMissedGrade() + "' is not one of the grades");
    }
    Set<String> keys = new HashSet<>();
    List<ScorecardScheme.Indicator> indicators = new ArrayList<>();
    double weights = 0;
    for (IndicatorEntry entry : list(file.indicators())) {
      String where = "indicator " + entry.key();
      if (blank(entry.key()) || blank(entry.label())) problems.add("every indicator needs key and label");
      if (entry.key() != null && !keys.add(entry.key())) problems.add(where + " listed twice");
      if (entry.weight() == null || entry.weight() <= 0) problems.add(where + ": weight must be positive");
      else weights += entry.weight();
      List<ScoreItem> items = items(entry.key(), ScoreItem.Kind.ITEM, entry.items(), keys, problems);
      if (items.isEmpty()) problems.add(where + ": needs at least one item");
      List<ScoreItem> deductions = items(entry.key(), ScoreItem.Kind.DEDUCTION, entry.deductions(), keys, problems);
      indicators.add(new ScorecardScheme.Indicator(entry.key(), entry.label(), entry.weight() == null ? 0 : entry.weight(),
          items, deductions));
    }
    if (indicators.isEmpty()) problems.add("indicators are missing");
    else if (Math.abs(weights - 100) > 1e-6) problems.add("the indicators' weights add up to " + ScoreFormat.number(weights) + ", not 100");
    List<ScoreItem> bonus = items("BONUS", ScoreItem.Kind.BONUS, file.bonus(), keys, problems);
    if (!problems.isEmpty()) throw new IllegalArgumentException(FILE + ": " + String.join("; ", problems));
    return new ScorecardScheme(file.scheme(), file.bonusCap(),
        file.coreMissedGrade() == null ? grades.get(grades.size() - 1).label() : file.coreMissedGrade(),
        List.copyOf(grades), List.copyOf(indicators), bonus);
  }

  private static List<ScoreItem> items(String indicator, ScoreItem.Kind kind, List<ItemEntry> entries, Set<String> keys,
      List<String> problems) {
    List<ScoreItem> items = new ArrayList<>();
    for (ItemEntry e : list(entries)) {
      String where = "item " + e.key();
      if (blank(e.key()) || blank(e.label())) problems.add("every item of " + indicator + " needs key and label");
      if (e.key() != null && !keys.add(e.key())) problems.add(where + " listed twice");
      if (e.measure() == null || !ScorecardScheme.MEASURES.containsKey(e.measure())) {
        problems.add(where + ": unknown measure '" + e.measure() + "' (known: "
            + String.join(", ", ScorecardScheme.MEASURES.keySet().stream().sorted().toList()) + ")");
      }
      int tests = (e.atLeast() == null ? 0 : 1) + (e.atMost() == null ? 0 : 1) + (e.includesAll() == null ? 0 : 1)
          + (e.includesAny() == null ? 0 : 1);
      if (tests != 1) problems.add(where + ": give exactly one of atLeast, atMost, includesAll, includesAny");
      if (e.points() == null || e.points() <= 0) problems.add(where + ": points must be positive");
      if (Boolean.TRUE.equals(e.perOccurrence()) && kind != ScoreItem.Kind.DEDUCTION) {
        problems.add(where + ": perOccurrence is for deductions");
      }
      if (Boolean.TRUE.equals(e.core()) && kind != ScoreItem.Kind.ITEM) problems.add(where + ": only items can be core");
      items.add(new ScoreItem(indicator, kind, e.key(), e.label(), e.measure(), e.atLeast(), e.atMost(), set(e.includesAll()),
          set(e.includesAny()), e.points() == null ? 0 : e.points(), Boolean.TRUE.equals(e.core()),
          Boolean.TRUE.equals(e.perOccurrence())));
    }
    return List.copyOf(items);
  }

  private static Set<String> set(List<String> values) {
    return values == null ? null : Collections.unmodifiableSet(new LinkedHashSet<>(values));
  }

  private static <T> List<T> list(List<T> list) {
    return list == null ? List.of() : list;
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
