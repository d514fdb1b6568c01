package cn.shangliang.sla;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Two indexes on the engine's runtime tables that the supervisors' open counts need (issue #23): the reply tasks by
 * their definition key and due date (the summary's counts and the due-soon list read only those tasks, not every open
 * task), and the variables by execution and name (a task's {@code leadDepartment} in one probe, not a read of every
 * variable of its process instance). Flyway cannot make them: on a new database the engine creates its tables after
 * the migrations. So they are made here, once the engine's tables exist, when missing; two nodes starting together may
 * both try, and the one that loses the race finds the index there.
 */
@Component
class EngineTableIndexes implements ApplicationRunner {
  private static final Logger log = LoggerFactory.getLogger(EngineTableIndexes.class);

  record Index(String name, String table, String columns) {}

  static final List<Index> INDEXES = List.of(
      new Index("SL_IDX_TASK_DEF_DUE", "ACT_RU_TASK", "TASK_DEF_KEY_, DUE_DATE_"),
      new Index("SL_IDX_VAR_EXEC_NAME", "ACT_RU_VARIABLE", "EXECUTION_ID_, NAME_"));

  private final DataSource dataSource;

  EngineTableIndexes(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public void run(ApplicationArguments args) throws SQLException {
    try (Connection db = dataSource.getConnection()) {
      for (Index index : INDEXES) {
        if (exists(db, index)) continue;
        long start = System.nanoTime();
        try (var statement = db.createStatement()) {
          statement.execute("CREATE INDEX " + index.name() + " ON " + index.table() + " (" + index.columns() + ")");
          log.info("index {} on {} ({}) made in {} ms", index.name(), index.table(), index.columns(), (System.nanoTime() - start) / 1_000_000);
        } catch (SQLException e) {
          if (!exists(db, index)) throw e;
          log.info("index {} was made meanwhile by another node", index.name());
        }
      }
    }
  }

  static boolean exists(Connection db, Index index) throws SQLException {
    DatabaseMetaData meta = db.getMetaData();
    for (String table : List.of(index.table(), index.table().toLowerCase(Locale.ROOT))) {
      try (ResultSet rs = meta.getIndexInfo(db.getCatalog(), db.getSchema(), table, false, true)) {
        while (rs.next()) {
          if (index.name().equalsIgnoreCase(rs.getString("INDEX_NAME"))) return true;
        }
      }
    }
    return false;
  }
}
