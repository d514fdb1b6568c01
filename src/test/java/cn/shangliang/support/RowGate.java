package cn.shangliang.support;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import javax.sql.DataSource;

/**
 * A fixed interleaving for concurrency tests, in the manner of Camunda's own: the gate holds a row lock
 * (or an uncommitted row) in a transaction of its own; the requests under test run until they need that
 * row and wait there. {@link #awaitWaiting} returns once the database reports that many transactions
 * waiting for a lock — every contender has read what it read and is about to write — and
 * {@link #release} lets them go in the order the database chooses. No sleeps decide the outcome.
 */
public final class RowGate implements AutoCloseable {
  private final Connection connection;
  private final DataSource dataSource;
  private boolean released;

  private RowGate(DataSource dataSource, String sql, Object... parameters) throws SQLException {
    this.dataSource = dataSource;
    this.connection = dataSource.getConnection();
    connection.setAutoCommit(false);
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) statement.setObject(i + 1, parameters[i]);
      if (statement.execute()) {
        try (ResultSet rows = statement.getResultSet()) {
          if (!rows.next()) throw new IllegalStateException("the gate locks no row: " + sql);
        }
      }
    }
  }

  /** Locks the rows the query selects ({@code select ... for update}) or holds the row the statement writes. */
  public static RowGate hold(DataSource dataSource, String sql, Object... parameters) {
    try {
      return new RowGate(dataSource, sql, parameters);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Waits until {@code count} transactions wait for a lock (fails after 30 s: a contender did not reach the row). */
  public void awaitWaiting(int count) {
    Instant until = Instant.now().plus(Duration.ofSeconds(30));
    try (Connection probe = dataSource.getConnection()) {
      boolean h2 = probe.getMetaData().getDatabaseProductName().startsWith("H2");
      String sql = h2 ? "select count(*) from information_schema.sessions where blocker_id is not null"
          : "select count(*) from information_schema.innodb_trx where trx_state = 'LOCK WAIT'";
      while (true) {
        try (PreparedStatement statement = probe.prepareStatement(sql); ResultSet rows = statement.executeQuery()) {
          rows.next();
          // embedded H2 does not list a wait on a unique key among its sessions; its waiting threads tell
          if (Math.max(rows.getInt(1), h2 ? h2Waiters() : 0) >= count) return;
        }
        if (Instant.now().isAfter(until)) {
          throw new AssertionError("fewer than " + count + " transactions reached the gate; sessions: " + sessions(probe, h2));
        }
        // InnoDB refreshes innodb_trx only when it was last read more than 0.1 s ago: polled faster, it
        // never changes (what kept this gate shut on MariaDB). Polling, not a sleep that decides the order.
        if (h2) Thread.onSpinWait();
        else Thread.sleep(150);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Threads of this JVM parked inside embedded H2: waiting for a lock another transaction holds. */
  private static int h2Waiters() {
    int waiting = 0;
    for (var entry : Thread.getAllStackTraces().entrySet()) {
      Thread.State state = entry.getKey().getState();
      if (state == Thread.State.RUNNABLE || state == Thread.State.NEW || state == Thread.State.TERMINATED) continue;
      if (java.util.Arrays.stream(entry.getValue()).anyMatch(f -> f.getClassName().startsWith("org.h2."))) waiting++;
    }
    return waiting;
  }

  private static String sessions(Connection probe, boolean h2) throws SQLException {
    StringBuilder text = new StringBuilder();
    String sql = h2 ? "select session_id, blocker_id, executing_statement from information_schema.sessions"
        : "select trx_id, trx_state, trx_query from information_schema.innodb_trx";
    try (PreparedStatement statement = probe.prepareStatement(sql); ResultSet rows = statement.executeQuery()) {
      while (rows.next()) text.append("\n  ").append(rows.getString(1)).append(" ").append(rows.getString(2)).append(" ").append(rows.getString(3));
    }
    if (!h2) {
      try (PreparedStatement statement = probe.prepareStatement(
          "select id, command, state, info from information_schema.processlist where command <> 'Sleep'"); ResultSet rows = statement.executeQuery()) {
        while (rows.next()) text.append("\n  process ").append(rows.getString(1)).append(" ").append(rows.getString(2)).append(" ")
            .append(rows.getString(3)).append(" ").append(rows.getString(4));
      }
      Thread.getAllStackTraces().forEach((thread, stack) -> {
        if (thread.getName().startsWith("http-nio") && java.util.Arrays.stream(stack).anyMatch(f -> f.getClassName().startsWith("cn.shangliang")
            || f.getClassName().startsWith("org.camunda"))) {
          text.append("\n  thread ").append(thread.getName()).append(" ").append(thread.getState());
          java.util.Arrays.stream(stack).limit(25).forEach(f -> text.append("\n    ").append(f));
        }
      });
    }
    if (h2) {
      Thread.getAllStackTraces().forEach((thread, stack) -> {
        if (java.util.Arrays.stream(stack).anyMatch(f -> f.getClassName().startsWith("org.h2"))) {
          text.append("\n  thread ").append(thread.getName()).append(" ").append(thread.getState());
          java.util.Arrays.stream(stack).limit(8).forEach(f -> text.append("\n    ").append(f));
        }
      });
    }
    return text.toString();
  }

  /** Ends the gate's transaction (rolled back: the gate itself writes nothing). */
  public void release() {
    if (released) return;
    released = true;
    try {
      connection.rollback();
      connection.close();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    release();
  }
}
