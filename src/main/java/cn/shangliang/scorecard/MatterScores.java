package cn.shangliang.scorecard;

import cn.shangliang.rules.RuleBase;
import cn.shangliang.rules.RulesService;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The stored scores (table {@code matter_score}, issue #23): each consulted matter's {@link MatterScore} as the
 * evaluator gave it, with its period, groups and the rules version, kept exact — a matter marked changed
 * ({@link ScoreInputs}), scored under other rules, or whose replies turned late by time alone since, is recomputed by
 * the same {@link ScorecardRecords} and {@link ScorecardEvaluator} before any answer about its period.
 */
@Repository
class MatterScores {
  private static final Logger log = LoggerFactory.getLogger(MatterScores.class);
  static final int BATCH = 500;
  /** The classes that decide what a score is: a release that changes them recomputes every score, like new rules. */
  private static final List<Class<?>> SCORING = List.of(ScorecardRecords.class, ScorecardEvaluator.class, ScorecardScheme.class,
      ScorecardData.class, ScoreItem.class, ScoreFormat.class, Measure.class, MatterScore.class);

  private final JdbcTemplate jdbc;
  private final TransactionTemplate transaction;
  private final ScorecardRecords records;
  private final RulesService rules;
  private final ObjectMapper json;
  private final Map<String, String> versions = new ConcurrentHashMap<>();
  private final String code;

  MatterScores(JdbcTemplate jdbc, TransactionTemplate transaction, ScorecardRecords records, RulesService rules, ObjectMapper json) {
    this.jdbc = jdbc;
    this.transaction = transaction;
    this.records = records;
    this.rules = rules;
    this.json = json;
    this.code = codeVersion();
  }

  /** The version a score computed with these rules carries: the scorecard's rule files and the scoring code. */
  String version(RuleBase base) {
    return versions.computeIfAbsent(base.checksum(), checksum -> sha256(base.files().stream()
        .filter(f -> f.path().startsWith(ScorecardEvaluator.RULES_FOLDER + "/")).map(f -> f.path() + "=" + f.sha256())
        .collect(Collectors.joining("\n")) + "\n" + code));
  }

  private static String codeVersion() {
    StringBuilder classes = new StringBuilder();
    for (Class<?> type : SCORING) {
      try (InputStream in = type.getResourceAsStream(type.getSimpleName() + ".class")) {
        classes.append(in == null ? type.getName() : HexFormat.of().formatHex(in.readAllBytes()));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return sha256(classes.toString());
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  // ---- keeping them exact ----

  /**
   * Recomputes the period's marked and outdated matters before it is answered: those marked changed that were or
   * are consulted in the period, and those stored in it under other rules or past the time their score holds.
   */
  void refresh(ScorePeriod period, Instant now) {
    // a batch lost to the worker (or another node) was recomputed by it: the next round finds what is left
    for (int round = 0; round < 100; round++) {
      Timestamp from = Timestamp.from(period.from());
      Timestamp to = Timestamp.from(period.to());
      // driven by the (usually empty) marks, each looked up by its matter
      List<long[]> changes = jdbc.query("SELECT c.id, c.demand_id FROM matter_score_change c WHERE EXISTS (SELECT 1 FROM meeting m"
          + " WHERE m.demand_id = c.demand_id AND m.recorded_at >= ? AND m.recorded_at < ?) OR EXISTS (SELECT 1 FROM matter_score s"
          + " WHERE s.demand_id = c.demand_id AND s.consulted_at >= ? AND s.consulted_at < ?)",
          (rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}, from, to, from, to);
      Set<Long> matters = new LinkedHashSet<>();
      changes.forEach(c -> matters.add(c[1]));
      Timestamp at = Timestamp.from(now);
      matters.addAll(jdbc.queryForList("SELECT demand_id FROM matter_score WHERE consulted_at >= ? AND consulted_at < ?"
          + " AND (rules_version <> ? OR valid_after >= ? OR valid_until < ?)", Long.class, from, to,
          version(rules.current()), at, at));
      if (matters.isEmpty()) return;
      Map<Long, List<Long>> marks = new HashMap<>();
      changes.forEach(c -> marks.computeIfAbsent(c[1], m -> new ArrayList<>()).add(c[0]));
      for (List<Long> batch : batches(new ArrayList<>(matters))) {
        recompute(batch, batch.stream().flatMap(m -> marks.getOrDefault(m, List.of()).stream()).toList());
      }
    }
    throw new IllegalStateException("scores of " + period.label() + " kept changing while recomputed");
  }

  /** Recomputes every matter marked changed, batch by batch; false when another node took a batch (look again later). */
  boolean drainChanges() {
    while (true) {
      List<long[]> changes = jdbc.query("SELECT id, demand_id FROM matter_score_change ORDER BY id LIMIT " + BATCH,
          (rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)});
      if (changes.isEmpty()) return true;
      List<Long> matters = changes.stream().map(c -> c[1]).distinct().toList();
      if (!recompute(matters, changes.stream().map(c -> c[0]).toList())) return false;
    }
  }

  /** Recomputes every matter scored under other rules or scoring code, batch by batch; false as above. */
  boolean recomputeOutdated() {
    while (true) {
      List<Long> outdated = jdbc.queryForList("SELECT demand_id FROM matter_score WHERE rules_version <> ? LIMIT " + BATCH,
          Long.class, version(rules.current()));
      if (outdated.isEmpty()) return true;
      if (!recompute(outdated, List.of())) return false;
    }
  }

  /** Thrown to roll a recomputation back when another one got there first. */
  private static final class Overtaken extends RuntimeException {
    Overtaken() {
      super(null, null, false, false);
    }
  }

  /**
   * Scores the matters and stores them in one transaction, consuming the change marks read for them; false (nothing
   * written) when another recomputation consumed a mark or wrote a score since this one read them.
   */
  boolean recompute(List<Long> matters, List<Long> marks) {
    try {
      transaction.executeWithoutResult(status -> store(matters, marks));
      return true;
    } catch (Overtaken | DataIntegrityViolationException e) {
      log.debug("Scores of {} matters recomputed elsewhere meanwhile", matters.size());
      return false;
    }
  }

  private void store(List<Long> matters, List<Long> marks) {
    for (List<Long> batch : batches(marks)) {
      if (jdbc.update("DELETE FROM matter_score_change WHERE id IN (" + marks(batch) + ")", batch.toArray()) != batch.size()) {
        throw new Overtaken();
      }
    }
    Map<Long, Long> revisions = new HashMap<>();
    for (List<Long> batch : batches(matters)) {
      jdbc.query("SELECT demand_id, revision FROM matter_score WHERE demand_id IN (" + marks(batch) + ")",
          rs -> { revisions.put(rs.getLong(1), rs.getLong(2)); }, batch.toArray());
    }
    RuleBase base = rules.current();
    String version = version(base);
    List<ScorecardRecords.Recorded> recorded = records.recorded(matters);
    List<MatterScore> scores = ScorecardEvaluator.evaluate(base, recorded.stream().map(ScorecardRecords.Recorded::facts).toList());
    List<Object[]> updates = new ArrayList<>();
    List<Object[]> inserts = new ArrayList<>();
    for (int i = 0; i < scores.size(); i++) {
      MatterScore s = scores.get(i);
      ScorecardRecords.Recorded r = recorded.get(i);
      Long revision = revisions.remove(r.facts().matterId());
      Object[] row = {s.trackingCode(), Timestamp.from(s.consultedAt()), s.township(), platform(s), s.platformName(),
          BigDecimal.valueOf(s.total()), s.grade(), rankKey(s), version, timestamp(r.validAfter()), timestamp(r.validUntil()),
          Timestamp.from(r.readAt()), text(s), r.facts().matterId(), revision == null ? 1L : revision};
      (revision == null ? inserts : updates).add(row);
    }
    checkAll(jdbc.batchUpdate("UPDATE matter_score SET tracking_code = ?, consulted_at = ?, township = ?, platform_id = ?,"
        + " platform_name = ?, total = ?, grade = ?, rank_key = ?, rules_version = ?, valid_after = ?, valid_until = ?,"
        + " computed_at = ?, score_json = ?, revision = revision + 1 WHERE demand_id = ? AND revision = ?", updates));
    jdbc.batchUpdate("INSERT INTO matter_score (tracking_code, consulted_at, township, platform_id, platform_name, total, grade,"
        + " rank_key, rules_version, valid_after, valid_until, computed_at, score_json, demand_id, revision)"
        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", inserts);
    // scored before, met about no more (a record corrected away): no score
    checkAll(jdbc.batchUpdate("DELETE FROM matter_score WHERE demand_id = ? AND revision = ?",
        revisions.entrySet().stream().map(e -> new Object[] {e.getKey(), e.getValue()}).toList()));
    storeFigures(matters, scores);
  }

  private static void checkAll(int[] counts) {
    for (int count : counts) if (count == 0) throw new Overtaken();
  }

  /** The figures the rankings add up: each indicator's score, and the items lost or deducted for. */
  private void storeFigures(List<Long> matters, List<MatterScore> scores) {
    for (List<Long> batch : batches(matters)) {
      jdbc.update("DELETE FROM matter_score_indicator WHERE demand_id IN (" + marks(batch) + ")", batch.toArray());
      jdbc.update("DELETE FROM matter_score_lost WHERE demand_id IN (" + marks(batch) + ")", batch.toArray());
    }
    List<Object[]> indicators = new ArrayList<>();
    List<Object[]> lost = new ArrayList<>();
    for (MatterScore s : scores) {
      Object[] where = {Long.parseLong(s.matterId()), Timestamp.from(s.consultedAt()), s.township(), platform(s)};
      for (MatterScore.IndicatorScore i : s.indicators()) indicators.add(row(where, i.key(), BigDecimal.valueOf(i.score())));
      for (MatterScore.ItemResult item : s.items()) {
        if (item.lost() > 0 || item.change() < 0) lost.add(row(where, item.key(), item.label(), rankKey(s)));
      }
    }
    jdbc.batchUpdate("INSERT INTO matter_score_indicator (demand_id, consulted_at, township, platform_id, indicator_key, score)"
        + " VALUES (?, ?, ?, ?, ?, ?)", indicators);
    jdbc.batchUpdate("INSERT INTO matter_score_lost (demand_id, consulted_at, township, platform_id, item_key, item_label, rank_key)"
        + " VALUES (?, ?, ?, ?, ?, ?, ?)", lost);
  }

  private static Object[] row(Object[] where, Object... more) {
    Object[] row = new Object[where.length + more.length];
    System.arraycopy(where, 0, row, 0, where.length);
    System.arraycopy(more, 0, row, where.length, more.length);
    return row;
  }

  /** Sorts as the matters list does: total descending, then tracking code. */
  static String rankKey(MatterScore s) {
    return String.format("%05d%s", 99_999 - Math.round(s.total() * 10), s.trackingCode());
  }

  private static Long platform(MatterScore s) {
    return s.platformId() == null ? null : Long.valueOf(s.platformId());
  }

  private String text(MatterScore s) {
    try {
      return json.writeValueAsString(s);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Timestamp timestamp(Instant instant) {
    return instant == null ? null : Timestamp.from(instant);
  }

  // ---- reading them ----

  /** The period's scores, highest first; {@code limit} null for all. */
  List<MatterScore> matters(ScorePeriod period, Integer offset, Integer limit) {
    String page = limit == null ? "" : " LIMIT " + limit + " OFFSET " + (offset == null ? 0 : offset);
    return jdbc.query("SELECT score_json FROM matter_score WHERE consulted_at >= ? AND consulted_at < ? ORDER BY rank_key" + page,
        (rs, n) -> score(rs.getString(1)), Timestamp.from(period.from()), Timestamp.from(period.to()));
  }

  private MatterScore score(String text) {
    try {
      return json.readValue(text, MatterScore.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A group's sums: matters, total of their totals, lowest, highest, and the rank key of its first matter. */
  record Group(String key, int matters, BigDecimal sum, BigDecimal lowest, BigDecimal highest, String first) {}

  /** An item lost in a group: how often, and the rank key of the first matter that lost it. */
  record Lost(String key, int times, String first) {}

  /** By {@code township} or {@code platform_id}. */
  List<Group> groups(ScorePeriod period, String by) {
    return jdbc.query("SELECT " + by + ", COUNT(*), SUM(total), MIN(total), MAX(total), MIN(rank_key) FROM matter_score"
        + " WHERE consulted_at >= ? AND consulted_at < ? GROUP BY " + by, (rs, n) -> new Group(rs.getString(1), rs.getInt(2),
        rs.getBigDecimal(3), rs.getBigDecimal(4), rs.getBigDecimal(5), rs.getString(6)), Timestamp.from(period.from()),
        Timestamp.from(period.to()));
  }

  /** Per group, per indicator: the sum of the matters' scores and how many there are. */
  Map<String, Map<String, BigDecimal[]>> indicators(ScorePeriod period, String by) {
    Map<String, Map<String, BigDecimal[]>> sums = new HashMap<>();
    jdbc.query("SELECT " + by + ", indicator_key, SUM(score), COUNT(*) FROM matter_score_indicator"
        + " WHERE consulted_at >= ? AND consulted_at < ? GROUP BY " + by + ", indicator_key", rs -> {
          sums.computeIfAbsent(rs.getString(1), k -> new HashMap<>()).put(rs.getString(2),
              new BigDecimal[] {rs.getBigDecimal(3), BigDecimal.valueOf(rs.getLong(4))});
        }, Timestamp.from(period.from()), Timestamp.from(period.to()));
    return sums;
  }

  Map<String, List<Lost>> lost(ScorePeriod period, String by) {
    Map<String, List<Lost>> lost = new HashMap<>();
    jdbc.query("SELECT " + by + ", item_key, COUNT(*), MIN(rank_key) FROM matter_score_lost"
        + " WHERE consulted_at >= ? AND consulted_at < ? GROUP BY " + by + ", item_key", rs -> {
          lost.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new Lost(rs.getString(2), rs.getInt(3), rs.getString(4)));
        }, Timestamp.from(period.from()), Timestamp.from(period.to()));
    return lost;
  }

  /** The platform name and township of the matters with these rank keys. */
  Map<String, String[]> firsts(Collection<String> rankKeys) {
    Map<String, String[]> firsts = new HashMap<>();
    for (List<String> batch : batches(new ArrayList<>(rankKeys))) {
      jdbc.query("SELECT rank_key, platform_name, township FROM matter_score WHERE rank_key IN (" + marks(batch) + ")",
          rs -> { firsts.put(rs.getString(1), new String[] {rs.getString(2), rs.getString(3)}); }, batch.toArray());
    }
    return firsts;
  }

  private static <T> List<List<T>> batches(List<T> ids) {
    List<List<T>> batches = new ArrayList<>();
    for (int i = 0; i < ids.size(); i += BATCH) batches.add(ids.subList(i, Math.min(ids.size(), i + BATCH)));
    return batches;
  }

  private static String marks(List<?> batch) {
    return batch.stream().map(id -> "?").collect(Collectors.joining(","));
  }
}
