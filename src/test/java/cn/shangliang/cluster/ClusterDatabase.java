package cn.shangliang.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.List;

/**
 * The database side of the runs on packaged nodes: a database of the run's own next to the test database,
 * the engine's reply timers made due as if time had passed while the application was down, and the checks
 * that each fired exactly once and nothing was left stuck.
 */
final class ClusterDatabase {
  static final String USER = System.getProperty("spring.datasource.username", "root");
  static final String PASSWORD = System.getProperty("spring.datasource.password", "");
  /** The reply clock's timers (ReplyClockProcess): intermediate timer events, whose jobs carry their activity id. */
  static final String REMINDER = "IntermediateCatchEvent_ReplyReminder";
  static final String OVERDUE = "IntermediateCatchEvent_ReplyOverdue";
  static final String TIMER_HANDLER = "timer-intermediate-transition";

  private ClusterDatabase() {}

  /** The test database's URL with another database name (empty: the server). */
  static String url(String database) {
    String url = System.getProperty("spring.datasource.url",
        "jdbc:mysql://127.0.0.1:3306/shangliang_test?sendFractionalSeconds=false&nullDatabaseMeansCurrent=true");
    return url.replaceFirst("(jdbc:mysql://[^/]+/)[^?]*", "$1" + database);
  }

  static Connection connect(String database) throws SQLException {
    return DriverManager.getConnection(url(database), USER, PASSWORD);
  }

  /** Drops the database if it exists and creates it empty, as the README says to create one. */
  static void recreate(String database) throws SQLException {
    drop(database);
    try (Connection server = connect(""); Statement s = server.createStatement()) {
      s.execute("CREATE DATABASE " + database + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
    }
  }

  static void drop(String database) throws SQLException {
    try (Connection server = connect(""); Statement s = server.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + database);
    }
  }

  static long count(Connection db, String sql, Object... args) throws SQLException {
    try (PreparedStatement statement = db.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) statement.setObject(i + 1, args[i]);
      try (ResultSet rs = statement.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  /** The reply deadlines pass while the application is down: every reply timer is due a minute ago. */
  static int makeReplyTimersOverdue(Connection db) throws SQLException {
    try (PreparedStatement update = db.prepareStatement(
        "UPDATE ACT_RU_JOB SET DUEDATE_ = ? WHERE HANDLER_TYPE_ = '" + TIMER_HANDLER + "' AND HANDLER_CFG_ IN (?, ?)")) {
      update.setTimestamp(1, new Timestamp(System.currentTimeMillis() - 60_000));
      update.setString(2, REMINDER);
      update.setString(3, OVERDUE);
      return update.executeUpdate();
    }
  }

  static Duration awaitNoDueJobs(Connection db, Duration limit) throws Exception {
    long start = System.nanoTime();
    long deadline = start + limit.toNanos();
    while (true) {
      // (history cleanup keeps its own schedule inside its nightly window)
      long due = count(db, "SELECT COUNT(*) FROM ACT_RU_JOB WHERE (DUEDATE_ IS NULL OR DUEDATE_ <= ?) AND RETRIES_ > 0 "
          + "AND HANDLER_TYPE_ <> 'history-cleanup'",
          new Timestamp(System.currentTimeMillis()));
      if (due == 0) return Duration.ofNanos(System.nanoTime() - start);
      assertThat(System.nanoTime()).as("%d jobs still due after %s", due, limit).isLessThan(deadline);
      Thread.sleep(500);
    }
  }

  /**
   * Each emergency demand whose {@code external_id} matches the pattern: its reminder and its breach fired exactly
   * once, in the engine and in our records.
   */
  static void checkEachTimerOnce(Connection db, String externalIds, RunReport report) throws SQLException {
    long emergencies = count(db, "SELECT COUNT(*) FROM demand WHERE external_id LIKE ? AND urgency = 'EMERGENCY'", externalIds);
    for (String activity : List.of(REMINDER, OVERDUE)) {
      long once = count(db, "SELECT COUNT(*) FROM (SELECT PROC_INST_ID_ FROM ACT_HI_ACTINST WHERE ACT_ID_ = ? "
          + "GROUP BY PROC_INST_ID_ HAVING COUNT(*) = 1) x", activity);
      long twice = count(db, "SELECT COUNT(*) FROM (SELECT PROC_INST_ID_ FROM ACT_HI_ACTINST WHERE ACT_ID_ = ? "
          + "GROUP BY PROC_INST_ID_ HAVING COUNT(*) > 1) x", activity);
      assertThat(twice).as("%s fired more than once", activity).isZero();
      assertThat(once).as("%s fired once per emergency", activity).isEqualTo(emergencies);
    }
    for (String kind : List.of("REMINDED", "BREACHED")) {
      long once = count(db, "SELECT COUNT(*) FROM (SELECT e.demand_id FROM demand_event e JOIN demand d ON d.id = e.demand_id "
          + "WHERE d.external_id LIKE ? AND e.kind = '" + kind + "' GROUP BY e.demand_id HAVING COUNT(*) = 1) x", externalIds);
      long more = count(db, "SELECT COUNT(*) FROM (SELECT e.demand_id FROM demand_event e JOIN demand d ON d.id = e.demand_id "
          + "WHERE d.external_id LIKE ? AND e.kind = '" + kind + "' GROUP BY e.demand_id HAVING COUNT(*) > 1) x", externalIds);
      assertThat(more).as("demands with %s recorded twice", kind).isZero();
      assertThat(once).as("demands with %s recorded once", kind).isEqualTo(emergencies);
    }
    long breaches = count(db, "SELECT COUNT(*) FROM sla_breach b JOIN demand d ON d.id = b.demand_id WHERE d.external_id LIKE ?",
        externalIds);
    assertThat(breaches).as("one breach per emergency").isEqualTo(emergencies);
    report.line("timers: %d emergencies, each reminder and each breach fired exactly once (engine history, demand "
        + "events, %d breach rows)", emergencies, breaches);
  }

  static void checkNothingStuck(Connection db, RunReport report) throws SQLException {
    Timestamp now = new Timestamp(System.currentTimeMillis());
    long expiredLocks = count(db, "SELECT COUNT(*) FROM ACT_RU_JOB WHERE LOCK_EXP_TIME_ < ? AND LOCK_OWNER_ IS NOT NULL "
        + "AND (DUEDATE_ IS NULL OR DUEDATE_ <= ?) AND HANDLER_TYPE_ <> 'history-cleanup'", now, now);
    long incidents = count(db, "SELECT COUNT(*) FROM ACT_RU_INCIDENT");
    long failed = count(db, "SELECT COUNT(*) FROM ACT_RU_JOB WHERE RETRIES_ < 3 OR EXCEPTION_MSG_ IS NOT NULL");
    report.line("jobs: %d held past their lock, %d failed attempts left, %d incidents", expiredLocks, failed, incidents);
    assertThat(expiredLocks).as("jobs held past their lock time").isZero();
    assertThat(incidents).as("incidents").isZero();
  }
}
