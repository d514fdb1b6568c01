package cn.shangliang.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.springframework.test.context.DynamicPropertyRegistry;

/** A benchmark's own MariaDB database beside the test database, made empty before the run (on H2: nothing to do). */
final class BenchDatabase {
  private BenchDatabase() {}

  static void own(DynamicPropertyRegistry registry, String database) throws SQLException {
    own(registry, database, false);
  }

  /** @param keep true to use the database as an earlier run left it (made only when missing) */
  static void own(DynamicPropertyRegistry registry, String database, boolean keep) throws SQLException {
    String url = System.getProperty("spring.datasource.url", "");
    if (!url.startsWith("jdbc:mysql:")) return;
    String server = url.replaceFirst("(jdbc:mysql://[^/]+/)[^?]*", "$1");
    try (Connection db = DriverManager.getConnection(server, System.getProperty("spring.datasource.username"),
        System.getProperty("spring.datasource.password")); Statement s = db.createStatement()) {
      if (!keep) s.execute("DROP DATABASE IF EXISTS " + database);
      s.execute("CREATE DATABASE IF NOT EXISTS " + database + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
    }
    registry.add("spring.datasource.url", () -> url.replaceFirst("(jdbc:mysql://[^/]+/)[^?]*", "$1" + database));
  }
}
