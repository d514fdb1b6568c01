package cn.shangliang.scorecard;

import cn.shangliang.intake.DemandQueries;
import cn.shangliang.rules.RulesService;
import cn.shangliang.system.NotFoundException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.springframework.stereotype.Service;

/**
 * 民主协商打分器 (DOMAIN.md §10): a score per consulted matter from its records, and per platform and township
 * per period as the mean of their matters, ranked, with the items most often lost (where to 补短板).
 */
@Service
public class Scorecard {
  private final RulesService rules;
  private final ScorecardRecords records;
  private final DemandQueries demands;
  private final Clock clock;

  Scorecard(RulesService rules, ScorecardRecords records, DemandQueries demands, Clock clock) {
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

  public List<MatterScore> matters(ScorePeriod period) {
    List<MatterScore> scores = new ArrayList<>(ScorecardEvaluator.evaluate(rules.current(), records.consultedIn(period)));
    scores.sort(Comparator.comparingDouble(MatterScore::total).reversed().thenComparing(MatterScore::trackingCode));
    return scores;
  }

  public MatterScore matter(String idOrCode) {
    long id = demands.find(idOrCode).getId();
    MatterFacts facts = records.matter(id).orElseThrow(() -> new NotFoundException("consultation meeting of matter " + idOrCode));
    return ScorecardEvaluator.evaluate(rules.current(), List.of(facts)).get(0);
  }

  public Ranking townships(ScorePeriod period) {
    return rank(period, "township", matters(period), MatterScore::township, MatterScore::township, MatterScore::township);
  }

  /** Platforms; the matters met at no registered platform are no platform: a line of their own, outside the ranking. */
  public Ranking platforms(ScorePeriod period) {
    List<MatterScore> all = matters(period);
    List<MatterScore> placed = all.stream().filter(s -> s.platformId() != null).toList();
    List<MatterScore> elsewhere = all.stream().filter(s -> s.platformId() == null).toList();
    Ranking ranking = rank(period, "platform", placed, MatterScore::platformId, MatterScore::platformName, MatterScore::township);
    return elsewhere.isEmpty() ? ranking : new Ranking(ranking.period(), ranking.scheme(), ranking.by(), ranking.standings(),
        standing(null, elsewhere, WITHOUT_PLATFORM, null, scheme()));
  }

  private Ranking rank(ScorePeriod period, String by, List<MatterScore> scores, Function<MatterScore, String> key,
      Function<MatterScore, String> name, Function<MatterScore, String> township) {
    Map<String, List<MatterScore>> groups = new TreeMap<>();
    for (MatterScore score : scores) groups.computeIfAbsent(key.apply(score), k -> new ArrayList<>()).add(score);
    ScorecardScheme scheme = scheme();
    List<Standing> standings = new ArrayList<>();
    for (Map.Entry<String, List<MatterScore>> group : groups.entrySet()) {
      MatterScore first = group.getValue().get(0);
      standings.add(standing(group.getKey(), group.getValue(), name.apply(first), township.apply(first), scheme));
    }
    standings.sort(Comparator.comparingDouble(Standing::average).reversed().thenComparing(Standing::name));
    List<Standing> ranked = new ArrayList<>();
    for (int i = 0; i < standings.size(); i++) {
      Standing s = standings.get(i);
      int rank = i > 0 && standings.get(i - 1).average() == s.average() ? ranked.get(i - 1).rank() : i + 1;
      ranked.add(new Standing(rank, s.key(), s.name(), s.township(), s.matters(), s.average(), s.lowest(), s.highest(), s.grade(),
          s.indicators(), s.mostLost()));
    }
    return new Ranking(period.label(), scheme.name(), by, ranked, null);
  }

  /** A group's figures, unranked (rank 0): mean, range, grade of the mean, indicator means, the items most often lost. */
  private static Standing standing(String key, List<MatterScore> in, String name, String township, ScorecardScheme scheme) {
    double average = ScoreFormat.round(in.stream().mapToDouble(MatterScore::total).average().orElse(0));
    Map<String, Double> indicators = new LinkedHashMap<>();
    for (ScorecardScheme.Indicator indicator : scheme.indicators()) {
      indicators.put(indicator.label(), ScoreFormat.round(in.stream().flatMap(s -> s.indicators().stream())
          .filter(i -> i.key().equals(indicator.key())).mapToDouble(MatterScore.IndicatorScore::score).average().orElse(0)));
    }
    Map<String, WeakItem> lost = new LinkedHashMap<>();
    for (MatterScore s : in) {
      for (MatterScore.ItemResult item : s.items()) {
        if (item.lost() > 0 || item.change() < 0) {
          lost.merge(item.key(), new WeakItem(item.key(), item.label(), 1), (a, b) -> new WeakItem(a.key(), a.label(), a.times() + 1));
        }
      }
    }
    List<WeakItem> mostLost = lost.values().stream().sorted(Comparator.comparingInt(WeakItem::times).reversed()).limit(3).toList();
    return new Standing(0, key, name, township, in.size(), average, in.stream().mapToDouble(MatterScore::total).min().orElse(0),
        in.stream().mapToDouble(MatterScore::total).max().orElse(0), scheme.grade(average, false), indicators, mostLost);
  }
}
