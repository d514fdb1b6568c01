package cn.shangliang.scorecard;

import cn.shangliang.intake.DemandQueries;
import cn.shangliang.rules.RulesService;
import cn.shangliang.system.NotFoundException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * 民主协商打分器 (DOMAIN.md §10): a score per consulted matter from its records, and per platform and township
 * per period as the mean of their matters, ranked, with the items most often lost (where to 补短板). Answers about a
 * period come from the stored scores ({@link MatterScores}), brought up to date first.
 */
@Service
public class Scorecard {
  private final RulesService rules;
  private final ScorecardRecords records;
  private final DemandQueries demands;
  private final Clock clock;
  private final MatterScores stored;

  Scorecard(RulesService rules, ScorecardRecords records, DemandQueries demands, Clock clock, MatterScores stored) {
    this.stored = stored;
    this.rules = rules;
    this.records = records;
    this.demands = demands;
    this.clock = clock;
  }

  /** A group's standing in a period: matters scored, mean, range, grade of the mean, indicator means, weak items. */
  public record Standing(int rank, String key, String name, String township, int matters, double average, double lowest,
      double highest, String grade, Map<String, Double> indicators, List<WeakItem> mostLost) {}

  /** An item the group's matters missed (or were deducted for), and how often. */
  public record WeakItem(String key, String label, int times) {}

  /**
   * {@code withoutPlatform}: for platforms, the matters met at no registered platform, on a line of their own
   * (rank 0, outside the ranking: they are no platform); null when there are none, and for townships.
   */
  public record Ranking(String period, String scheme, String by, List<Standing> standings, Standing withoutPlatform) {}

  /** How the line of matters met at no registered platform is named. */
  public static final String WITHOUT_PLATFORM = "未在协商平台";

  public ScorecardScheme scheme() {
    return rules.current().data(ScorecardScheme.class);
  }

  public ScorePeriod period(String text) {
    return ScorePeriod.parse(text, clock.instant());
  }

  /** The period's matters, highest score first, from the stored scores brought up to date; all when {@code limit} is null. */
  public List<MatterScore> matters(ScorePeriod period, Integer offset, Integer limit) {
    stored.refresh(period, clock.instant());
    return stored.matters(period, offset, limit);
  }

  public List<MatterScore> matters(ScorePeriod period) {
    return matters(period, null, null);
  }

  public MatterScore matter(String idOrCode) {
    long id = demands.find(idOrCode).getId();
    MatterFacts facts = records.matter(id).orElseThrow(() -> new NotFoundException("consultation meeting of matter " + idOrCode));
    return ScorecardEvaluator.evaluate(rules.current(), List.of(facts)).get(0);
  }

  public Ranking townships(ScorePeriod period) {
    stored.refresh(period, clock.instant());
    List<Standing> standings = new ArrayList<>();
    ScorecardScheme scheme = scheme();
    Figures figures = figures(period, "township");
    for (MatterScores.Group g : figures.groups()) standings.add(figures.standing(g, g.key(), g.key(), scheme));
    return new Ranking(period.label(), scheme.name(), "township", ranked(standings), null);
  }

  /** Platforms; the matters met at no registered platform are no platform: a line of their own, outside the ranking. */
  public Ranking platforms(ScorePeriod period) {
    stored.refresh(period, clock.instant());
    ScorecardScheme scheme = scheme();
    Figures figures = figures(period, "platform_id");
    Map<String, String[]> firsts = stored.firsts(figures.groups().stream().map(MatterScores.Group::first).toList());
    List<Standing> standings = new ArrayList<>();
    Standing withoutPlatform = null;
    for (MatterScores.Group g : figures.groups()) {
      String[] first = firsts.get(g.first());
      if (g.key() == null) withoutPlatform = figures.standing(g, WITHOUT_PLATFORM, null, scheme);
      else standings.add(figures.standing(g, first[0], first[1], scheme));
    }
    return new Ranking(period.label(), scheme.name(), "platform", ranked(standings), withoutPlatform);
  }

  private Figures figures(ScorePeriod period, String by) {
    List<MatterScores.Group> groups = new ArrayList<>(stored.groups(period, by));
    // the order of equal averages and names, as when groups were kept by key
    groups.sort(Comparator.comparing(MatterScores.Group::key, Comparator.nullsFirst(Comparator.naturalOrder())));
    return new Figures(groups, stored.indicators(period, by), stored.lost(period, by));
  }

  /** A period's stored figures by group. */
  private record Figures(List<MatterScores.Group> groups, Map<String, Map<String, BigDecimal[]>> indicators,
      Map<String, List<MatterScores.Lost>> lost) {

    /**
     * A group's figures, unranked (rank 0): mean, range, grade of the mean, indicator means and the items most often
     * lost (ties: the one lost first in the matters' order, then in the scheme's). Means are exact sums of the stored
     * one-decimal scores divided by their number, rounded half up.
     */
    Standing standing(MatterScores.Group g, String name, String township, ScorecardScheme scheme) {
      double average = mean(g.sum(), BigDecimal.valueOf(g.matters()));
      Map<String, Double> means = new LinkedHashMap<>();
      Map<String, BigDecimal[]> sums = indicators.getOrDefault(g.key(), Map.of());
      for (ScorecardScheme.Indicator indicator : scheme.indicators()) {
        BigDecimal[] sum = sums.get(indicator.key());
        means.put(indicator.label(), sum == null ? 0.0 : mean(sum[0], sum[1]));
      }
      List<String> order = scheme.allItems().stream().map(ScoreItem::getKey).toList();
      Map<String, String> labels = scheme.allItems().stream().collect(Collectors.toMap(ScoreItem::getKey, ScoreItem::getLabel));
      // every score read here was computed with this scheme (refresh): its labels are the stored ones
      List<WeakItem> mostLost = lost.getOrDefault(g.key(), List.of()).stream()
          .sorted(Comparator.comparingInt(MatterScores.Lost::times).reversed().thenComparing(MatterScores.Lost::first)
              .thenComparingInt(l -> order.indexOf(l.key())))
          .limit(3).map(l -> new WeakItem(l.key(), labels.get(l.key()), l.times())).toList();
      return new Standing(0, g.key(), name, township, g.matters(), average, g.lowest().doubleValue(), g.highest().doubleValue(),
          scheme.grade(average, false), means, mostLost);
    }

    private static double mean(BigDecimal sum, BigDecimal count) {
      return sum.divide(count, 1, RoundingMode.HALF_UP).doubleValue();
    }
  }

  /** Highest average first (then by name); equal averages share a rank. */
  private static List<Standing> ranked(List<Standing> standings) {
    List<Standing> sorted = new ArrayList<>(standings);
    sorted.sort(Comparator.comparingDouble(Standing::average).reversed().thenComparing(Standing::name));
    List<Standing> ranked = new ArrayList<>();
    for (int i = 0; i < sorted.size(); i++) {
      Standing s = sorted.get(i);
      int rank = i > 0 && sorted.get(i - 1).average() == s.average() ? ranked.get(i - 1).rank() : i + 1;
      ranked.add(new Standing(rank, s.key(), s.name(), s.township(), s.matters(), s.average(), s.lowest(), s.highest(), s.grade(),
          s.indicators(), s.mostLost()));
    }
    return ranked;
  }
}
