package cn.shangliang.system;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.stereotype.Component;

/**
 * Start-up work that reads what exists and creates or updates what is missing (administrator, groups,
 * grants, Tasklist filters, demo data) is idempotent on one node but races when two nodes start together
 * on one database: both see a filter missing and create it twice, or both update it and one fails on
 * Camunda's optimistic lock, and a node that fails its start-up exits. On MySQL/MariaDB such work runs
 * under a server-wide named lock ({@code GET_LOCK}), held on a connection of its own, so the second node
 * waits and then finds everything in place. The embedded H2 database serves one process: there the lock
 * is the process's own.
 */
@Component
public class StartupLock {
  private static final Logger log = LoggerFactory.getLogger(StartupLock.class);
  static final Duration WAIT = Duration.ofMinutes(5);
  private static final Map<String, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();

  private final DataSource dataSource;

  public StartupLock(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Start-up work; a checked exception fails the start like an unchecked one. */
  @FunctionalInterface
  public interface Work {
    void run() throws Exception;
  }

  /** A held lock; closing it releases the lock. */
  public interface Held extends AutoCloseable {
    @Override
    void close();
  }

  /** Runs {@code work} while holding the named lock {@code shangliang.<name>} (on MySQL/MariaDB). */
  public void run(String name, Work work) {
    try (Held held = hold(name)) {
      perform(work);
    }
  }

  /**
   * Takes the named lock {@code shangliang.<name>} and keeps it until the returned handle is closed —
   * for work that begins in one callback and ends in another (the engine's schema creation).
   */
  public Held hold(String name) {
    String lock = "shangliang." + name;
    try {
      if (!onMysql()) {
        ReentrantLock local = IN_PROCESS.computeIfAbsent(lock, any -> new ReentrantLock());
        if (!local.tryLock(WAIT.toSeconds(), TimeUnit.SECONDS)) throw new IllegalStateException("timed out waiting for " + lock);
        return local::unlock;
      }
      Connection connection = dataSource.getConnection();
      try {
        acquire(connection, lock);
      } catch (SQLException | RuntimeException e) {
        closeQuietly(connection);
        throw e;
      }
      return () -> release(connection, lock);
    } catch (SQLException e) {
      throw new DataAccessResourceFailureException("lock " + lock + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted waiting for " + lock, e);
    }
  }

  private boolean onMysql() throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      return isMysql(connection);
    }
  }

  private static void acquire(Connection connection, String lock) throws SQLException {
    connection.setAutoCommit(true);
    long start = System.nanoTime();
    try (Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery("SELECT GET_LOCK('" + lock + "', " + WAIT.toSeconds() + ")")) {
      if (!rs.next() || rs.getInt(1) != 1) {
        throw new IllegalStateException("timed out after " + WAIT + " waiting for lock " + lock
            + " (another node starting?)");
      }
    }
    long waited = (System.nanoTime() - start) / 1_000_000;
    if (waited > 1000) log.info("Waited {} ms for lock {} (another node was starting)", waited, lock);
  }

  private void release(Connection connection, String lock) {
    try (Statement statement = connection.createStatement()) {
      statement.execute("DO RELEASE_LOCK('" + lock + "')");
    } catch (SQLException e) {
      // The lock belongs to the connection's session: a pooled connection that may still hold it
      // leaves the pool, and its session ends with it.
      log.warn("Releasing lock {}: {}; discarding its connection", lock, e.getMessage());
      discard(connection);
    }
    closeQuietly(connection);
  }

  private void discard(Connection connection) {
    try {
      if (dataSource.isWrapperFor(HikariDataSource.class)) {
        dataSource.unwrap(HikariDataSource.class).evictConnection(connection);
      } else {
        connection.abort(Runnable::run);
      }
    } catch (SQLException e) {
      log.warn("Discarding a lock connection: {}", e.getMessage());
    }
  }

  private static void closeQuietly(Connection connection) {
    try {
      connection.close();
    } catch (SQLException e) {
      log.debug("Closing a lock connection: {}", e.getMessage());
    }
  }

  private static void perform(Work work) {
    try {
      work.run();
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
  }

  static boolean isMysql(Connection connection) throws SQLException {
    String product = connection.getMetaData().getDatabaseProductName().toLowerCase();
    return product.contains("mysql") || product.contains("mariadb");
  }
}
