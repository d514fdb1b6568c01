package db.migration;

import java.sql.Statement;
import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * On MySQL/MariaDB our own tables hold Chinese free text, names and possibly 4-byte characters
 * (emoji, rare CJK): they are converted to utf8mb4 whatever the database default is. Nothing to do on H2.
 */
public class V2__Utf8mb4OnMysql extends BaseJavaMigration {
  private static final List<String> TABLES = List.of("demand", "routing_decision", "routing_reason", "demand_event");

  @Override
  public void migrate(Context context) throws Exception {
    String product = context.getConnection().getMetaData().getDatabaseProductName().toLowerCase();
    if (!product.contains("mysql") && !product.contains("mariadb")) {
      return;
    }
    try (Statement statement = context.getConnection().createStatement()) {
      for (String table : TABLES) {
        statement.execute("ALTER TABLE " + table + " CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
      }
    }
  }
}
