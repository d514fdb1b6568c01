package cn.shangliang.sla;

import cn.shangliang.system.ChinaTime;
import jakarta.persistence.EntityManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The figures per day (in China) and department in {@code sla_daily} (V18): reply figures on the day the reply is
 * due, breaches on the day they began. Every change of a clock or breach recounts the rows it touches from the base
 * tables, in the changing transaction and under the row's lock, so the rows stay exact (no +1 that could drift).
 */
@Component
class SlaDaily {
  private final JdbcTemplate jdbc;
  private final EntityManager entities;
  private final ReplyClockRepository clocks;
  private final SlaBreachRepository breaches;
  private final String upsert;

  SlaDaily(JdbcTemplate jdbc, EntityManager entities, ReplyClockRepository clocks, SlaBreachRepository breaches,
      DataSource dataSource) {
    this.jdbc = jdbc;
    this.entities = entities;
    this.clocks = clocks;
    this.breaches = breaches;
    this.upsert = isH2(dataSource)
        ? "MERGE INTO sla_daily (sla_day, department, replies_due, replies_given, on_time, accepted, solved, breached)"
            + " KEY (sla_day, department) VALUES (?, ?, 0, 0, 0, 0, 0, 0)"
        : "INSERT INTO sla_daily (sla_day, department, replies_due, replies_given, on_time, accepted, solved, breached)"
            + " VALUES (?, ?, 0, 0, 0, 0, 0, 0) ON DUPLICATE KEY UPDATE replies_due = replies_due";
  }

  private static boolean isH2(DataSource dataSource) {
    try (var connection = dataSource.getConnection()) {
      return connection.getMetaData().getDatabaseProductName().toLowerCase().contains("h2");
    } catch (SQLException e) {
      throw new IllegalStateException("database product", e);
    }
  }

  /** The figures of one department: reply clocks due and breaches begun in a time or a day range. */
  record Figures(long repliesDue, long repliesGiven, long onTime, long accepted, long solved, long breached) {
    static final Figures NONE = new Figures(0, 0, 0, 0, 0, 0);

    Figures plus(Figures o) {
      return new Figures(repliesDue + o.repliesDue, repliesGiven + o.repliesGiven, onTime + o.onTime, accepted + o.accepted,
          solved + o.solved, breached + o.breached);
    }

    boolean isEmpty() {
      return repliesDue == 0 && breached == 0;
    }
  }

  static LocalDate day(Instant instant) {
    return instant.atZone(ChinaTime.ZONE).toLocalDate();
  }

  static Instant start(LocalDate day) {
    return day.atStartOfDay(ChinaTime.ZONE).toInstant();
  }

  /**
   * Recounts the department's rows of the days the moments fall on. The changed clock or breach is flushed first
   * (the recount reads the tables); the row is created and locked before counting, so that of two transactions
   * changing the same day the later one counts after the earlier one committed (READ COMMITTED). Days in order: no
   * two transactions wait for each other's rows.
   */
  void recount(String department, Instant... moments) {
    entities.flush();
    new TreeSet<>(Arrays.stream(moments).filter(Objects::nonNull).map(SlaDaily::day).toList())
        .forEach(day -> recountDay(day, department));
  }

  /** Recounts one row; the caller has flushed what it changed. */
  void recountDay(LocalDate day, String department) {
    jdbc.update(upsert, day, department);
    jdbc.queryForList("SELECT sla_day FROM sla_daily WHERE sla_day = ? AND department = ? FOR UPDATE", day, department);
    Instant from = start(day);
    Instant to = start(day.plusDays(1));
    Figures f = added(clocks.figuresOfDepartment(department, from, to), breaches.countOfDepartment(department, from, to))
        .getOrDefault(department, Figures.NONE);
    if (f.isEmpty()) {
      jdbc.update("DELETE FROM sla_daily WHERE sla_day = ? AND department = ?", day, department);
      return;
    }
    jdbc.update("UPDATE sla_daily SET replies_due = ?, replies_given = ?, on_time = ?, accepted = ?, solved = ?, breached = ?"
        + " WHERE sla_day = ? AND department = ?", f.repliesDue(), f.repliesGiven(), f.onTime(), f.accepted(), f.solved(),
        f.breached(), day, department);
  }

  /** Per department, counted from the clocks and breaches of [from, to). */
  Map<String, Figures> counted(Instant from, Instant to) {
    return added(clocks.figuresDueBetween(from, to), breaches.countBetween(from, to));
  }

  /** Rows of {department, due, given, on time, accepted, solved} and {department, breached} added up per department. */
  private static Map<String, Figures> added(List<Object[]> clockRows, List<Object[]> breachRows) {
    Map<String, Figures> result = new TreeMap<>();
    for (Object[] row : clockRows) {
      result.merge((String) row[0], new Figures(n(row[1]), n(row[2]), n(row[3]), n(row[4]), n(row[5]), 0), Figures::plus);
    }
    for (Object[] row : breachRows) {
      result.merge((String) row[0], new Figures(0, 0, 0, 0, 0, n(row[1])), Figures::plus);
    }
    return result;
  }

  /** Per department, the rows of the days [from, to). */
  Map<String, Figures> summed(LocalDate from, LocalDate to) {
    Map<String, Figures> result = new TreeMap<>();
    jdbc.query("SELECT department, SUM(replies_due), SUM(replies_given), SUM(on_time), SUM(accepted), SUM(solved), SUM(breached)"
        + " FROM sla_daily WHERE sla_day >= ? AND sla_day < ? GROUP BY department", (ResultSet rs) -> {
          result.put(rs.getString(1), new Figures(rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6),
              rs.getLong(7)));
        }, from, to);
    return result;
  }

  /**
   * Per department, the figures of [from, to): the whole days from the rows, the parts of a day at either end from the
   * base tables.
   */
  Map<String, Figures> figures(Instant from, Instant to) {
    LocalDate firstWhole = start(day(from)).equals(from) ? day(from) : day(from).plusDays(1);
    LocalDate endWhole = day(to);
    if (!to.isAfter(from) || !firstWhole.isBefore(endWhole)) return counted(from, to);
    Map<String, Figures> result = summed(firstWhole, endWhole);
    for (var edge : List.of(counted(from, start(firstWhole)), counted(start(endWhole), to))) {
      edge.forEach((department, f) -> result.merge(department, f, Figures::plus));
    }
    return result;
  }

  private static long n(Object value) {
    return value == null ? 0 : ((Number) value).longValue();
  }
}
