package cn.shangliang.system;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

/**
 * Camunda's MySQL scripts create utf8mb3 tables, which reject 4-byte characters (emoji, rare CJK such as
 * 𠮷) in task names, variables and comments. On MySQL/MariaDB every table not yet in utf8mb4 is
 * converted: Camunda's {@code ACT_*} to {@code utf8mb4_bin} (binary, case-sensitive, as its {@code utf8_bin}),
 * ours to {@code utf8mb4_unicode_ci} (a database created with another default charset).
 * MariaDB refuses to convert columns used by foreign keys, so the keys between those tables are dropped
 * and added again around the conversion. Runs under the {@link StartupLock}, so nodes starting together convert
 * once; a no-op once done (and after Camunda adds new tables in an upgrade, it converts those).
 */
@Component
class MysqlUtf8mb4Upgrade implements InitializingBean {
  private static final Logger log = LoggerFactory.getLogger(MysqlUtf8mb4Upgrade.class);

  private record ForeignKey(String table, String name, List<String> columns, String referencedTable,
      List<String> referencedColumns, String onDelete, String onUpdate) {
    String addSql() {
      return "ALTER TABLE " + table + " ADD CONSTRAINT " + name + " FOREIGN KEY (" + String.join(", ", columns)
          + ") REFERENCES " + referencedTable + " (" + String.join(", ", referencedColumns) + ") ON DELETE " + onDelete
          + " ON UPDATE " + onUpdate;
    }
  }

  private final DataSource dataSource;
  private final StartupLock startupLock;

  MysqlUtf8mb4Upgrade(DataSource dataSource, StartupLock startupLock, ProcessEngine engine) { // after the engine created its schema
    this.dataSource = dataSource;
    this.startupLock = startupLock;
  }

  @Override
  public void afterPropertiesSet() throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      if (!StartupLock.isMysql(connection)) return;
    }
    startupLock.run("utf8mb4", () -> {
      try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
        connection.setAutoCommit(true);
        upgrade(statement);
      }
    });
  }

  private static void upgrade(Statement statement) throws SQLException {
    List<String> tables = new ArrayList<>();
    // Camunda's tables and ours (Flyway's history table aside): every table of the schema not yet in utf8mb4
    try (ResultSet rs = statement.executeQuery("SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE()"
        + " AND TABLE_TYPE = 'BASE TABLE' AND TABLE_NAME <> 'sl_flyway_history' AND TABLE_COLLATION NOT LIKE 'utf8mb4%'"
        + " ORDER BY TABLE_NAME")) {
      while (rs.next()) tables.add(rs.getString(1));
    }
    if (tables.isEmpty()) return;
    List<ForeignKey> keys = foreignKeysOf(statement, tables);
    log.info("Converting {} Camunda tables to utf8mb4 (re-creating {} foreign keys)", tables.size(), keys.size());
    statement.execute("SET FOREIGN_KEY_CHECKS = 0");
    try {
      for (ForeignKey key : keys) statement.execute("ALTER TABLE " + key.table() + " DROP FOREIGN KEY " + key.name());
      for (String table : tables) {
        // Camunda's ids are case-sensitive (its scripts use utf8_bin); our text sorts and compares as people expect
        String collation = table.toUpperCase().startsWith("ACT_") ? "utf8mb4_bin" : "utf8mb4_unicode_ci";
        statement.execute("ALTER TABLE " + table + " CONVERT TO CHARACTER SET utf8mb4 COLLATE " + collation);
      }
      for (ForeignKey key : keys) statement.execute(key.addSql());
    } catch (SQLException e) {
      log.error("utf8mb4 conversion failed; foreign keys to restore if missing: {}", keys.stream().map(ForeignKey::addSql).toList());
      throw e;
    } finally {
      statement.execute("SET FOREIGN_KEY_CHECKS = 1");
    }
  }

  /** Foreign keys declared on, or pointing to, any of the tables. */
  private static List<ForeignKey> foreignKeysOf(Statement statement, List<String> tables) throws SQLException {
    String in = "'" + String.join("','", tables) + "'";
    Map<String, ForeignKey> keys = new LinkedHashMap<>();
    try (ResultSet rs = statement.executeQuery("SELECT k.TABLE_NAME, k.CONSTRAINT_NAME, k.COLUMN_NAME, k.REFERENCED_TABLE_NAME,"
        + " k.REFERENCED_COLUMN_NAME, r.DELETE_RULE, r.UPDATE_RULE FROM information_schema.KEY_COLUMN_USAGE k"
        + " JOIN information_schema.REFERENTIAL_CONSTRAINTS r ON r.CONSTRAINT_SCHEMA = k.CONSTRAINT_SCHEMA"
        + " AND r.CONSTRAINT_NAME = k.CONSTRAINT_NAME AND r.TABLE_NAME = k.TABLE_NAME"
        + " WHERE k.TABLE_SCHEMA = DATABASE() AND k.REFERENCED_TABLE_NAME IS NOT NULL"
        + " AND (k.TABLE_NAME IN (" + in + ") OR k.REFERENCED_TABLE_NAME IN (" + in + "))"
        + " ORDER BY k.TABLE_NAME, k.CONSTRAINT_NAME, k.ORDINAL_POSITION")) {
      while (rs.next()) {
        String id = rs.getString(1) + "." + rs.getString(2);
        ForeignKey key = keys.computeIfAbsent(id, k -> {
          try {
            return new ForeignKey(rs.getString(1), rs.getString(2), new ArrayList<>(), rs.getString(4), new ArrayList<>(),
                rs.getString(6), rs.getString(7));
          } catch (SQLException e) {
            throw new IllegalStateException(e);
          }
        });
        key.columns().add(rs.getString(3));
        key.referencedColumns().add(rs.getString(5));
      }
    }
    return new ArrayList<>(keys.values());
  }
}
