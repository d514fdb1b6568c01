package db.migration;

import cn.shangliang.intake.AccessCodes;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Makes the installation's secret for access-code hashes, and gives every demand registered before access
 * codes existed one of its own. Nobody learns those codes: until staff re-issue one
 * ({@code POST /api/demands/{id}/access-code}), no one can speak for that submitter — which is the point.
 */
public class V13__AccessCodesForExistingDemands extends BaseJavaMigration {

  @Override
  public void migrate(Context context) throws Exception {
    Connection connection = context.getConnection();
    SecureRandom random = new SecureRandom();
    byte[] secret = AccessCodes.newSecret(random);
    try (PreparedStatement insert = connection.prepareStatement(
        "INSERT INTO server_secret (name, secret_value) VALUES (?, ?)")) {
      insert.setString(1, AccessCodes.SECRET_NAME);
      insert.setString(2, AccessCodes.encodeSecret(secret));
      insert.executeUpdate();
    }
    Timestamp now = Timestamp.from(Instant.now());
    try (PreparedStatement update = connection.prepareStatement(
        "UPDATE demand SET access_code_hash = ?, access_code_issued_at = ? WHERE id = ?")) {
      for (long id : demandsWithoutCode(connection)) {
        update.setString(1, AccessCodes.hash(secret, AccessCodes.generate(random)));
        update.setTimestamp(2, now);
        update.setLong(3, id);
        update.addBatch();
      }
      update.executeBatch();
    }
  }

  private static List<Long> demandsWithoutCode(Connection connection) throws Exception {
    List<Long> ids = new ArrayList<>();
    try (PreparedStatement select = connection.prepareStatement("SELECT id FROM demand WHERE access_code_hash IS NULL");
        ResultSet rows = select.executeQuery()) {
      while (rows.next()) ids.add(rows.getLong(1));
    }
    return ids;
  }
}
