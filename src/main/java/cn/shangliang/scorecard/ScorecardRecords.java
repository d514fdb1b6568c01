package cn.shangliang.scorecard;

import cn.shangliang.platforms.Platforms;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the scorecard reads from the six steps' records: the consulted matters of a period (those whose first
 * meeting was recorded in it) and, for each, every measure of {@link ScorecardScheme#MEASURES}, a few queries per
 * batch of matters whatever their number.
 */
@Repository
public class ScorecardRecords {
  private static final int BATCH = 500;
  /** The statuses of a matter whose handling is done (answered, publicized, evaluated). */
  private static final Set<String> HANDLED = Set.of("HANDLED", "PUBLICIZING", "EVALUATING", "CLOSED");
  private static final String MATTER_COLUMNS = "SELECT d.id, d.tracking_code, d.title, d.township, d.village, d.status,"
      + " m.meeting_form, m.scheduled_for, m.notices_sent_at, m.participant_kinds, m.attending_members, m.opinions,"
      + " m.agreement, m.attendance, m.platform_id, m.recorded_at, p.name, m.id"
      + " FROM meeting m JOIN demand d ON d.id = m.demand_id LEFT JOIN platform p ON p.id = m.platform_id";

  private final JdbcTemplate jdbc;
  private final Platforms platforms;
  private final Clock clock;

  ScorecardRecords(JdbcTemplate jdbc, Platforms platforms, Clock clock) {
    this.jdbc = jdbc;
    this.platforms = platforms;
    this.clock = clock;
  }

  private record Consulted(long id, String code, String title, String township, String village, String status, String form,
      Instant scheduledFor, Instant noticesSentAt, String kinds, String members, String opinions, String agreement,
      Integer attendance, Long platformId, Instant recordedAt, String platformName, long meetingId) {}

  /**
   * A matter's facts and the time they hold at: {@code validAfter} and {@code validUntil} are the due times of
   * replies not yet in around the moment the facts were read, when time alone turns a reply late (null: none).
   */
  record Recorded(MatterFacts facts, Instant readAt, Instant validAfter, Instant validUntil) {}

  /** The matters first consulted (meeting recorded) in the period. */
  @Transactional(readOnly = true)
  public List<MatterFacts> consultedIn(ScorePeriod period) {
    List<Consulted> rows = jdbc.query(MATTER_COLUMNS + " WHERE m.recorded_at IS NOT NULL"
        + " AND m.recorded_at >= ? AND m.recorded_at < ? ORDER BY m.recorded_at, m.id", this::consulted,
        Timestamp.from(period.from()), Timestamp.from(period.to()));
    Map<Long, Consulted> first = new LinkedHashMap<>();
    for (Consulted row : rows) first.putIfAbsent(row.id(), row);
    // a matter met again in a later period belongs to the period of its first meeting
    if (!first.isEmpty()) {
      Set<Long> earlier = new HashSet<>();
      for (List<Long> batch : batches(new ArrayList<>(first.keySet()))) {
        earlier.addAll(jdbc.queryForList("SELECT DISTINCT demand_id FROM meeting WHERE recorded_at < ? AND demand_id IN ("
            + marks(batch) + ")", Long.class, params(Timestamp.from(period.from()), batch)));
      }
      earlier.forEach(first::remove);
    }
    return facts(new ArrayList<>(first.values())).stream().map(Recorded::facts).toList();
  }

  /** The facts of those of the matters that were consulted at a meeting, from each one's first recorded meeting. */
  @Transactional(readOnly = true)
  List<Recorded> recorded(List<Long> demandIds) {
    Map<Long, Consulted> first = new LinkedHashMap<>();
    for (List<Long> batch : batches(demandIds)) {
      jdbc.query(MATTER_COLUMNS + " WHERE m.recorded_at IS NOT NULL AND d.id IN (" + marks(batch) + ") ORDER BY m.recorded_at, m.id",
          (rs, n) -> first.putIfAbsent(rs.getLong(1), consulted(rs, n)), batch.toArray());
    }
    return facts(new ArrayList<>(first.values()));
  }

  /** One matter's facts, from its first recorded meeting; empty when it was never consulted at a meeting. */
  @Transactional(readOnly = true)
  public Optional<MatterFacts> matter(long demandId) {
    List<Consulted> rows = jdbc.query(MATTER_COLUMNS + " WHERE m.recorded_at IS NOT NULL AND d.id = ? ORDER BY m.recorded_at, m.id",
        this::consulted, demandId);
    return rows.isEmpty() ? Optional.empty() : Optional.of(facts(List.of(rows.get(0))).get(0).facts());
  }

  private Consulted consulted(ResultSet rs, int n) throws SQLException {
    long platform = rs.getLong(15);
    Long platformId = rs.wasNull() ? null : platform;
    Integer attendance = rs.getObject(14) == null ? null : rs.getInt(14);
    return new Consulted(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
        rs.getString(7), instant(rs.getTimestamp(8)), instant(rs.getTimestamp(9)), rs.getString(10), rs.getString(11),
        rs.getString(12), rs.getString(13), attendance, platformId, instant(rs.getTimestamp(16)), rs.getString(17), rs.getLong(18));
  }

  private List<Recorded> facts(List<Consulted> matters) {
    Map<Long, Map<String, Object>> measures = new HashMap<>();
    Set<Long> compliant = compliantPlatforms();
    for (Consulted c : matters) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("investigated", false);
      m.put("stakeholdersIdentified", 0);
      m.put("noticeDaysBeforeMeeting", c.noticesSentAt() == null ? null
          : Duration.between(c.noticesSentAt(), c.scheduledFor()).toMinutes() / (24.0 * 60));
      m.put("participantKinds", codes(c.kinds()));
      m.put("membersAttended", codes(c.members()).size());
      m.put("attendance", c.attendance());
      m.put("minutesRecorded", !blank(c.opinions()) && !blank(c.agreement()));
      m.put("heldAtCompliantPlatform", c.platformId() != null && compliant.contains(c.platformId()));
      m.put("meetingForm", c.form());
      m.put("actionItems", 0);
      m.put("lateReplies", 0);
      m.put("slaBreaches", 0);
      m.put("publicized", false);
      m.put("satisfactionRate", null);
      m.put("unsatisfied", 0);
      m.put("objectionsUpheld", 0);
      m.put("onlineOpinions", 0);
      m.put("becameProposal", false);
      m.put("solved", false);
      measures.put(c.id(), m);
    }
    Instant now = clock.instant();
    Map<Long, ReplyTally> replies = new HashMap<>();
    Set<Long> publicityOpen = new HashSet<>();
    for (List<Long> batch : batches(matters.stream().map(Consulted::id).toList())) {
      String in = " IN (" + marks(batch) + ")";
      Object[] ids = batch.toArray();
      jdbc.query("SELECT demand_id, stakeholders FROM investigation WHERE demand_id" + in + " ORDER BY recorded_at, id", rs -> {
        Map<String, Object> m = measures.get(rs.getLong(1));
        m.put("investigated", true);
        m.put("stakeholdersIdentified", codes(rs.getString(2)).size());
      }, ids);
      count(measures, "actionItems", "SELECT d.demand_id, COUNT(a.position) FROM decision d JOIN action_item a"
          + " ON a.decision_id = d.id WHERE d.demand_id" + in + " GROUP BY d.demand_id", ids);
      jdbc.query("SELECT demand_id, due_at, first_replied_at FROM reply_clock WHERE demand_id" + in, rs -> {
        replies.computeIfAbsent(rs.getLong(1), id -> new ReplyTally()).add(instant(rs.getTimestamp(2)), instant(rs.getTimestamp(3)), now);
      }, ids);
      count(measures, "slaBreaches", "SELECT demand_id, COUNT(*) FROM sla_breach WHERE demand_id" + in + " GROUP BY demand_id", ids);
      count(measures, "objectionsUpheld", "SELECT demand_id, COUNT(*) FROM publicity_objection WHERE status = 'UPHELD'"
          + " AND demand_id" + in + " GROUP BY demand_id", ids);
      count(measures, "onlineOpinions", "SELECT r.demand_id, COUNT(o.id) FROM consultation_round r JOIN round_opinion o"
          + " ON o.round_id = r.id WHERE r.demand_id" + in + " GROUP BY r.demand_id", ids);
      jdbc.query("SELECT demand_id, closed_at FROM publicity_notice WHERE demand_id" + in, rs -> {
        measures.get(rs.getLong(1)).put("publicized", true);
        if (rs.getTimestamp(2) == null) publicityOpen.add(rs.getLong(1));
      }, ids);
      jdbc.query("SELECT DISTINCT pm.demand_id FROM proposal_matter pm JOIN proposal p ON p.id = pm.proposal_id"
          + " WHERE p.registration_decision = 'REGISTER' AND pm.demand_id" + in,
          rs -> { measures.get(rs.getLong(1)).put("becameProposal", true); }, ids);
      Map<Long, int[]> lastRound = new HashMap<>(); // round, answered, satisfied, unsatisfied
      jdbc.query("SELECT matter_id, handling_round, rating FROM satisfaction_evaluation WHERE matter_id" + in, rs -> {
        int[] r = lastRound.computeIfAbsent(rs.getLong(1), id -> new int[4]);
        int round = rs.getInt(2);
        if (round > r[0]) Arrays.fill(r, 0);
        if (round >= r[0]) {
          r[0] = round;
          String rating = rs.getString(3);
          if (rating != null && !rating.equals("NO_ANSWER")) {
            r[1]++;
            if (!rating.equals("UNSATISFIED")) r[2]++;
            else r[3]++;
          }
        }
      }, ids);
      lastRound.forEach((id, r) -> {
        Map<String, Object> m = measures.get(id);
        if (r[1] > 0) m.put("satisfactionRate", 100.0 * r[2] / r[1]);
        m.put("unsatisfied", r[3]);
      });
    }
    List<Recorded> facts = new ArrayList<>();
    for (Consulted c : matters) {
      Map<String, Object> m = measures.get(c.id());
      m.put("solved", "CLOSED".equals(c.status()) && ((Integer) m.get("unsatisfied")) == 0);
      ReplyTally replied = replies.getOrDefault(c.id(), new ReplyTally());
      m.put("lateReplies", replied.late);
      pendingUntilHappened(m, c.status(), replied, publicityOpen.contains(c.id()));
      facts.add(new Recorded(new MatterFacts(c.id(), c.code(), c.title(), c.township(), c.village(), c.platformId(),
          c.platformName(), c.recordedAt(), m), now, replied.lastPassed, replied.nextDue));
    }
    return facts;
  }

  /**
   * The measures of what may still happen marked {@link NotYet} while it has not: a count of late replies or of
   * breaches of 0 says nothing before every reply owed has come in or run late (a matter that owed none, before it
   * was handled); satisfaction before anyone evaluated; upheld objections before the publicity period ended.
   * A count above 0 stands: it cannot be undone.
   */
  private static void pendingUntilHappened(Map<String, Object> m, String status, ReplyTally replies, boolean publicityOpen) {
    NotYet replying = replies.settled(HANDLED.contains(status)) ? null
        : new NotYet(replies.count == 0 ? "尚无答复" : "尚在答复时限内");
    if (replying != null && replies.late == 0) m.put("lateReplies", replying);
    if (replying != null && ((Integer) m.get("slaBreaches")) == 0) m.put("slaBreaches", replying);
    if (m.get("satisfactionRate") == null) {
      m.put("satisfactionRate", new NotYet("尚无人评价"));
      m.put("unsatisfied", new NotYet("尚无人评价"));
    }
    if (((Integer) m.get("objectionsUpheld")) == 0 && (publicityOpen || !Boolean.TRUE.equals(m.get("publicized")))) {
      m.put("objectionsUpheld", new NotYet(publicityOpen ? "公示期未满" : "尚未公示"));
    }
  }

  /** The replies a matter owes: how many, how many came late or are overdue, how many may still come in time. */
  private static final class ReplyTally {
    int count;
    int late;
    int open;
    /** Of the replies not in: the latest due time already passed, the earliest still ahead (or now). */
    Instant lastPassed;
    Instant nextDue;

    void add(Instant due, Instant replied, Instant now) {
      count++;
      if (replied == null && due.isBefore(now) && (lastPassed == null || due.isAfter(lastPassed))) lastPassed = due;
      if (replied == null && !due.isBefore(now) && (nextDue == null || due.isBefore(nextDue))) nextDue = due;
      if (replied == null ? due.isBefore(now) : replied.isAfter(due)) late++;
      else if (replied == null) open++;
    }

    /** Every reply owed is in or overdue; a matter that owed none is settled once handled (answered on site). */
    boolean settled(boolean handled) {
      return open == 0 && (count > 0 || handled);
    }
  }

  private void count(Map<Long, Map<String, Object>> measures, String measure, String sql, Object... params) {
    jdbc.query(sql, rs -> { measures.get(rs.getLong(1)).put(measure, rs.getInt(2)); }, params);
  }

  private Set<Long> compliantPlatforms() {
    return platforms.list(null, null, true).stream().map(p -> Long.parseLong(p.id())).collect(Collectors.toSet());
  }

  private static List<String> codes(String text) {
    if (blank(text)) return List.of();
    return Arrays.stream(text.split("[,，、;；\\s]+")).map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  private static Instant instant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }

  private static List<List<Long>> batches(List<Long> ids) {
    List<List<Long>> batches = new ArrayList<>();
    for (int i = 0; i < ids.size(); i += BATCH) batches.add(ids.subList(i, Math.min(ids.size(), i + BATCH)));
    return batches;
  }

  private static String marks(List<Long> batch) {
    return batch.stream().map(id -> "?").collect(Collectors.joining(","));
  }

  private static Object[] params(Object first, List<Long> batch) {
    List<Object> all = new ArrayList<>();
    all.add(first);
    all.addAll(batch);
    return all.toArray();
  }
}
