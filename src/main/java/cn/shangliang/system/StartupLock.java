package cn.shangliang.system;

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

  /** Runs {@code work} while holding the named lock {@code shangliang.<name>} (on MySQL/MariaDB). */
  public void run(String name, Work work) {
    String lock = "shangliang." + name;
    try (Connection connection = dataSource.getConnection()) {
      if (!isMysql(connection)) {
        ReentrantLock local = IN_PROCESS.computeIfAbsent(lock, any -> new ReentrantLock());
        if (!local.tryLock(WAIT.toSeconds(), TimeUnit.SECONDS)) throw new IllegalStateException("timed out waiting for " + lock);
        try {
          perform(work);
        } finally {
          local.unlock();
        }
        return;
      }
      connection.setAutoCommit(true);
      try (Statement statement = connection.createStatement()) {
        long start = System.nanoTime();
        try (ResultSet rs = statement.executeQuery("SELECT GET_LOCK('" + lock + "', " + WAIT.toSeconds() + ")")) {
          if (!rs.next() || rs.getInt(1) != 1) {
            throw new IllegalStateException("timed out after " + WAIT + " waiting for lock " + lock
                + " (another node starting?)");
          }
        }
        long waited = (System.nanoTime() - start) / 1_000_000;
        if (waited > 1000) log.info("Waited {} ms for lock {} (another node was starting)", waited, lock);
        try {
          perform(work);
        } finally {
          statement.execute("DO RELEASE_LOCK('" + lock + "')");
        }
      }
    } catch (SQLException e) {
      throw new DataAccessResourceFailureException("lock " + lock + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted waiting for " + lock, e);
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
