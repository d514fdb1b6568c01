package cn.shangliang.scorecard;

import java.util.Set;

/**
 * One line of the scorecard scheme ({@code rules/scorecard/scheme.yaml}): what it reads, the test it must pass
 * (exactly one of atLeast, atMost, includesAll, includesAny) and its points. A fact of {@code scorecard.drl}.
 */
public final class ScoreItem {
  /** A core or ordinary item earns its points; a deduction takes them off its indicator; a bonus adds on top. */
  public enum Kind { ITEM, DEDUCTION, BONUS }

  private final String indicator;
  private final Kind kind;
  private final String key;
  private final String label;
  private final String measure;
  private final Double atLeast;
  private final Double atMost;
  private final Set<String> includesAll;
  private final Set<String> includesAny;
  private final double points;
  private final boolean core;
  private final boolean perOccurrence;

  ScoreItem(String indicator, Kind kind, String key, String label, String measure, Double atLeast, Double atMost,
      Set<String> includesAll, Set<String> includesAny, double points, boolean core, boolean perOccurrence) {
    this.indicator = indicator;
    this.kind = kind;
    this.key = key;
    this.label = label;
    this.measure = measure;
    this.atLeast = atLeast;
    this.atMost = atMost;
    this.includesAll = includesAll;
    this.includesAny = includesAny;
    this.points = points;
    this.core = core;
    this.perOccurrence = perOccurrence;
  }

  public String getIndicator() { return indicator; }

  public Kind getKind() { return kind; }

  public String getKey() { return key; }

  public String getLabel() { return label; }

  public String getMeasure() { return measure; }

  public Double getAtLeast() { return atLeast; }

  public Double getAtMost() { return atMost; }

  public Set<String> getIncludesAll() { return includesAll; }

  public Set<String> getIncludesAny() { return includesAny; }

  public double getPoints() { return points; }

  public boolean isCore() { return core; }

  public boolean isPerOccurrence() { return perOccurrence; }

  /** The test in words, for people: "≥ 3", "≤ 0", "包含 MEMBERS、RESIDENTS". */
  public String test() {
    if (atLeast != null) return "≥ " + ScoreFormat.number(atLeast);
    if (atMost != null) return "≤ " + ScoreFormat.number(atMost);
    if (includesAll != null) return "全部包含 " + String.join("、", includesAll);
    return "包含其一 " + String.join("、", includesAny);
  }

  @Override
  public String toString() {
    return indicator + "/" + key;
  }
}
