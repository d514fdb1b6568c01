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

  public record Ranking(String period, String scheme, String by, List<Standing> standings) {}

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

  /** Platforms; the matters met at no registered platform are ranked together as "未在协商平台". */
  public Ranking platforms(ScorePeriod period) {
    return rank(period, "platform", matters(period), s -> s.platformId() == null ? "" : s.platformId(),
        s -> s.platformName() == null ? "未在协商平台" : s.platformName(), MatterScore::township);
  }

  private Ranking rank(ScorePeriod period, String by, List<MatterScore> scores, Function<MatterScore, String> key,
      Function<MatterScore, String> name, Function<MatterScore, String> township) {
    Map<String, List<MatterScore>> groups = new TreeMap<>();
    for (MatterScore score : scores) groups.computeIfAbsent(key.apply(score), k -> new ArrayList<>()).add(score);
    ScorecardScheme scheme = scheme();
    List<Standing> standings = new ArrayList<>();
    for (Map.Entry<String, List<MatterScore>> group : groups.entrySet()) {
      List<MatterScore> in = group.getValue();
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
      MatterScore first = in.get(0);
      standings.add(new Standing(0, group.getKey().isEmpty() ? null : group.getKey(), name.apply(first),
          township.apply(first), in.size(), average, in.stream().mapToDouble(MatterScore::total).min().orElse(0),
          in.stream().mapToDouble(MatterScore::total).max().orElse(0),
          scheme.grade(average, false), indicators, mostLost));
    }
    standings.sort(Comparator.comparingDouble(Standing::average).reversed().thenComparing(Standing::name));
    List<Standing> ranked = new ArrayList<>();
    for (int i = 0; i < standings.size(); i++) {
      Standing s = standings.get(i);
      int rank = i > 0 && standings.get(i - 1).average() == s.average() ? ranked.get(i - 1).rank() : i + 1;
      ranked.add(new Standing(rank, s.key(), s.name(), s.township(), s.matters(), s.average(), s.lowest(), s.highest(), s.grade(),
          s.indicators(), s.mostLost()));
    }
    return new Ranking(period.label(), scheme.name(), by, ranked);
  }
}
