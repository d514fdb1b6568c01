package cn.shangliang.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * Copies the template matters' rows in SQL (MariaDB: INSERT … SELECT over the sequence engine's seq_A_to_B tables),
 * so a database holds as many matters as a prefecture gathers in five years without walking each through the
 * engine. A copy keeps every row a template has — our records (demand, routing, events, step records, clocks,
 * breaches, notices …) and the engine's history, and for open matters its runtime (executions, tasks, variables,
 * identity links, task authorizations, jobs) — with:
 * <ul>
 *   <li>ids moved out of the way: our numeric ids + copy × {@value #STRIDE}, the engine's ids ending in the copy's
 *       number, tracking codes and business keys SL-year-newId, so every reference between rows still holds;</li>
 *   <li>every time moved back by a spread that fills the period evenly at any size (copy × golden ratio, modulo
 *       one): finished matters over five years, open ones over the last {@value #OPEN_DAYS} days;</li>
 *   <li>place and department spread: {@value #TOWNSHIPS} townships of {@value #VILLAGES} villages each, the
 *       departments of rules/departments.yaml in turn.</li>
 * </ul>
 * Copies are numbered from 1 per template; filling to a larger size adds copies after the last one, so the sizes
 * of one run build on each other.
 */
final class VolumeCopier {
  static final long STRIDE = 10_000_000L;
  static final int OPEN_DAYS = 90;
  static final int TOWNSHIPS = 40;
  static final int VILLAGES = 30;
  /**
   * The engine history kept for finished matters, in days: the models' time-to-live (processes/*.bpmn
   * camunda:historyTimeToLive, 365 days but the follow-up's 730) unless {@code -Dbench.volume.history-days} sets the
   * shorter one an installation with a smaller disk would configure (at 365 days 1M matters need about 80 GB).
   */
  static final int HISTORY_DAYS = Integer.getInteger("bench.volume.history-days", 365);
  static final long FIVE_YEARS_SECONDS = 5L * 365 * 24 * 3600;
  /** Finished matters end at least this long ago: their walks ran up to 23 days ahead of now. */
  static final long FINISHED_MARGIN_SECONDS = 30L * 24 * 3600;
  /** Columns of the engine's tables that hold engine ids: copied with the copy's suffix. */
  static final Set<String> ENGINE_ID_COLUMNS = Set.of("ID_", "PROC_INST_ID_", "PROCESS_INSTANCE_ID_", "EXECUTION_ID_",
      "TASK_ID_", "PARENT_ID_", "ROOT_PROC_INST_ID_", "ACT_INST_ID_", "PARENT_ACT_INST_ID_", "VAR_SCOPE_", "VAR_INST_ID_",
      "SUPER_EXEC_", "SUPER_PROCESS_INSTANCE_ID_", "CALL_PROC_INST_ID_", "BYTEARRAY_ID_", "JOB_ID_", "EXCEPTION_STACK_ID_",
      "JOB_EXCEPTION_STACK_ID_", "PARENT_TASK_ID_", "SCOPE_ACT_INST_ID_", "EVENT_SUBSCR_ID_");
  /** Our numeric columns that point at shared rows, not at the matter's own: kept as they are. */
  static final Set<String> SHARED_REFERENCES = Set.of("platform_id");
  static final Set<String> NOT_PER_MATTER = Set.of("sl_sequence", "server_secret", "village_assignment", "flyway_schema_history",
      "access_code_failure", "platform", "platform_member", "platform_check", "open311_api_key",
      // figures derived from the copied rows, made again after each fill (VolumeBenchmark.derivedFigures)
      "sla_daily", "sla_daily_backfill", "matter_score", "matter_score_indicator", "matter_score_lost", "matter_score_change",
      "sl_counter", "open_reply_task", "open_reply_task_group", "open_reply_task_backfill");

  private final DataSource dataSource;
  private final List<VolumeTemplates.Template> templates;
  private final List<String> departments;
  private final Map<String, Integer> copiesMade = new LinkedHashMap<>();

  VolumeCopier(DataSource dataSource, List<VolumeTemplates.Template> templates, List<String> departments) {
    this.dataSource = dataSource;
    this.templates = templates;
    this.departments = departments;
  }

  /** Adds copies until the database holds about {@code demands} matters, in the templates' proportions. */
  void fillTo(long demands) throws SQLException {
    int weights = templates.stream().mapToInt(VolumeTemplates.Template::weight).sum();
    try (Connection db = dataSource.getConnection()) {
      db.setAutoCommit(true);
      // the copies refer to each other exactly as the template's rows do; checking each reference would only cost time
      update(db, "SET FOREIGN_KEY_CHECKS = 0");
      prepare(db);
      for (VolumeTemplates.Template template : templates) {
        int target = (int) (demands * template.weight() / weights);
        int done = copiesMade.getOrDefault(template.trackingCode(), 0);
        if (target <= done) continue;
        copy(db, template, done + 1, target);
        copiesMade.put(template.trackingCode(), target);
      }
      bumpSequences(db);
      analyze(db);
    }
  }

  private void prepare(Connection db) throws SQLException {
    try (Statement s = db.createStatement()) {
      s.execute("CREATE TABLE IF NOT EXISTS bench_code (code VARCHAR(40) PRIMARY KEY, demand_id BIGINT NOT NULL)");
      for (VolumeTemplates.Template t : templates) {
        s.execute("INSERT IGNORE INTO bench_code VALUES ('" + t.trackingCode() + "', " + t.demandId() + ")");
      }
    }
  }

  private void copy(Connection db, VolumeTemplates.Template template, int from, int to) throws SQLException {
    // chunks of 5,000 copies: one statement per table and chunk keeps transactions and undo logs small
    for (int a = from; a <= to; a += 5_000) {
      int b = Math.min(to, a + 4_999);
      copyOurRows(db, template, a, b);
      copyEngineRows(db, template, a, b);
    }
  }

  // ---- our tables ----

  private void copyOurRows(Connection db, VolumeTemplates.Template template, int a, int b) throws SQLException {
    Map<String, Set<Long>> copiedIds = new LinkedHashMap<>();
    List<String> tables = ourTables(db);
    Map<String, Map<String, String>> foreignKeys = foreignKeys(db);
    // parents before children: repeat until every table that belongs to the matter is done
    Set<String> pending = new LinkedHashSet<>(List.of("demand"));
    pending.addAll(tables);
    for (int round = 0; round < 6 && !pending.isEmpty(); round++) {
      for (String table : List.copyOf(pending)) {
        String where = matterFilter(db, table, template, foreignKeys.getOrDefault(table, Map.of()), copiedIds);
        if (where == null) continue;
        pending.remove(table);
        List<Column> columns = columns(db, table);
        if (columns.stream().anyMatch(c -> c.name.equals("id"))) {
          copiedIds.put(table, where.isEmpty() ? Set.of() : new LinkedHashSet<>(longs(db, "SELECT id FROM " + table + " t WHERE " + where)));
        }
        if (where.isEmpty()) continue;
        Set<String> unique = uniqueTexts(db, table);
        String select = columns.stream().map(c -> unique.contains(c.name) && !c.name.equals("tracking_code") ? suffixed("t." + c.name)
            : ourValue(c, template)).collect(Collectors.joining(", "));
        update(db, "INSERT INTO " + table + " (" + columns.stream().map(c -> c.name).collect(Collectors.joining(", ")) + ") SELECT "
            + select + " FROM " + table + " t CROSS JOIN seq_" + a + "_to_" + b + " s"
            + (columns.stream().anyMatch(c -> c.name.equals("tracking_code")) ? " LEFT JOIN bench_code bc ON bc.code = t.tracking_code" : "")
            + " WHERE " + where);
      }
    }
    if (!pending.isEmpty()) throw new IllegalStateException("no way to tell which rows belong to a matter in " + pending);
  }

  /**
   * The rows of a table that belong to the template matter: "" when none can, null when its parent is not copied yet.
   */
  private String matterFilter(Connection db, String table, VolumeTemplates.Template template, Map<String, String> parents,
      Map<String, Set<Long>> copiedIds) throws SQLException {
    if (table.equals("demand")) return "t.id = " + template.demandId();
    if (parents.values().stream().anyMatch(p -> !copiedIds.containsKey(p))) return null;
    List<String> names = columns(db, table).stream().map(c -> c.name).toList();
    if (names.contains("demand_id")) return "t.demand_id = " + template.demandId();
    for (var parent : parents.entrySet()) {
      Set<Long> ids = copiedIds.get(parent.getValue());
      return ids.isEmpty() ? "" : "t." + parent.getKey() + " IN (" + ids.stream().map(String::valueOf).collect(Collectors.joining(",")) + ")";
    }
    if (names.contains("tracking_code")) return "t.tracking_code = '" + template.trackingCode() + "'";
    return "";
  }

  private String ourValue(Column c, VolumeTemplates.Template template) {
    String col = "t." + c.name;
    if (c.name.equals("tracking_code")) return "CASE WHEN bc.code IS NULL THEN " + col + " ELSE " + code("bc.demand_id", template) + " END";
    if (c.name.equals("id") || (c.name.endsWith("_id") && c.numeric() && !SHARED_REFERENCES.contains(c.name))) {
      return col + " + s.seq * " + STRIDE;
    }
    if (c.name.endsWith("process_instance_id") || c.name.equals("task_id") || c.name.equals("execution_id")) return suffixed(col);
    if (c.name.equals("township") && template != null) return township();
    if (c.name.equals("village") && template != null) return village();
    if (c.name.equals("department")) return "CASE WHEN " + col + " IS NULL THEN NULL ELSE " + department() + " END";
    return timeShifted(c, col, template);
  }

  // ---- the engine's tables ----

  private void copyEngineRows(Connection db, VolumeTemplates.Template template, int a, int b) throws SQLException {
    List<String> roots = strings(db, "SELECT PROC_INST_ID_ FROM ACT_HI_PROCINST WHERE BUSINESS_KEY_ = '" + template.trackingCode()
        + "' AND SUPER_PROCESS_INSTANCE_ID_ IS NULL");
    if (roots.isEmpty()) return;
    String in = quoted(roots);
    Map<String, String> tables = new LinkedHashMap<>();
    for (String table : strings(db, "SELECT DISTINCT TABLE_NAME FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() "
        + "AND TABLE_NAME LIKE 'ACT\\_HI\\_%' AND COLUMN_NAME = 'ROOT_PROC_INST_ID_' ORDER BY TABLE_NAME")) {
      tables.put(table, "t.ROOT_PROC_INST_ID_ IN (" + in + ")");
    }
    tables.put("ACT_GE_BYTEARRAY", "t.ROOT_PROC_INST_ID_ IN (" + in + ")");
    if (template.open()) {
      // child executions may have no root id: the matter's runtime is found by its process instances
      String instances = quoted(strings(db, "SELECT PROC_INST_ID_ FROM ACT_HI_PROCINST WHERE ROOT_PROC_INST_ID_ IN (" + in + ")"));
      String tasks = quoted(strings(db, "SELECT ID_ FROM ACT_RU_TASK WHERE PROC_INST_ID_ IN (" + instances + ")"));
      tables.put("ACT_RU_EXECUTION", "t.PROC_INST_ID_ IN (" + instances + ")");
      tables.put("ACT_RU_TASK", "t.PROC_INST_ID_ IN (" + instances + ")");
      tables.put("ACT_RU_VARIABLE", "t.PROC_INST_ID_ IN (" + instances + ")");
      tables.put("ACT_RU_JOB", "t.PROCESS_INSTANCE_ID_ IN (" + instances + ")");
      tables.put("ACT_RU_EVENT_SUBSCR", "t.PROC_INST_ID_ IN (" + instances + ")");
      tables.put("ACT_RU_IDENTITYLINK", "t.TASK_ID_ IN (" + tasks + ")");
      tables.put("ACT_RU_AUTHORIZATION", "t.RESOURCE_TYPE_ = 7 AND t.RESOURCE_ID_ IN (" + tasks + ")");
    }
    for (var table : tables.entrySet()) {
      // the engine's history of a matter ended longer ago than its time-to-live is gone (history cleanup, removal time
      // = end + TTL): a database in steady use holds only the last HISTORY_DAYS days of it
      boolean history = table.getKey().startsWith("ACT_HI_") || table.getKey().equals("ACT_GE_BYTEARRAY");
      copyEngineTable(db, table.getKey(), table.getValue() + (history && !template.open()
          ? " AND " + shift(template) + " < " + HISTORY_DAYS * 24L * 3600 : ""), template, a, b);
    }
  }

  private void copyEngineTable(Connection db, String table, String where, VolumeTemplates.Template template, int a, int b)
      throws SQLException {
    List<Column> columns = columns(db, table);
    String keyColumn = columns.stream().map(c -> c.name).filter(n -> n.equals("BUSINESS_KEY_")).findFirst()
        .orElse(columns.stream().anyMatch(c -> c.name.equals("TEXT_")) && columns.stream().anyMatch(c -> c.name.equals("NAME_"))
            ? "TEXT_" : null);
    boolean authorization = table.equals("ACT_RU_AUTHORIZATION");
    String select = columns.stream().map(c -> {
      String col = "t." + c.name;
      if (c.name.equals(keyColumn)) return "CASE WHEN bc.code IS NULL THEN " + col + " ELSE " + code("bc.demand_id", template) + " END";
      if (ENGINE_ID_COLUMNS.contains(c.name) && !(authorization && !c.name.equals("ID_") && !c.name.equals("RESOURCE_ID_"))) {
        return suffixed(col);
      }
      if (c.name.equals("RESOURCE_ID_") && authorization) return suffixed(col);
      if (c.name.equals("GROUP_ID_")) return "CASE WHEN " + col + " LIKE 'dept-%' THEN CONCAT('dept-', " + department() + ") ELSE " + col + " END";
      if (c.name.equals("TEXT_") && table.equals("ACT_RU_VARIABLE")) {
        return "CASE WHEN t.NAME_ IN ('leadDepartment', 'department') THEN " + department() + " WHEN bc.code IS NULL THEN " + col
            + " ELSE " + code("bc.demand_id", template) + " END";
      }
      return timeShifted(c, col, template);
    }).collect(Collectors.joining(", "));
    update(db, "INSERT INTO " + table + " (" + columns.stream().map(c -> c.name).collect(Collectors.joining(", ")) + ") SELECT "
        + select + " FROM " + table + " t CROSS JOIN seq_" + a + "_to_" + b + " s"
        + (keyColumn == null ? "" : " LEFT JOIN bench_code bc ON bc.code = t." + keyColumn) + " WHERE " + where);
  }

  // ---- values ----

  /** Seconds a copy is moved back: spread evenly over the period at any number of copies (golden-ratio sequence). */
  private static String shift(VolumeTemplates.Template template) {
    if (template.open()) return "FLOOR(MOD(s.seq * 0.6180339887498949, 1) * " + OPEN_DAYS * 24L * 3600 + ")";
    return "(" + FINISHED_MARGIN_SECONDS + " + FLOOR(MOD(s.seq * 0.6180339887498949, 1) * " + (FIVE_YEARS_SECONDS - FINISHED_MARGIN_SECONDS) + "))";
  }

  private static String timeShifted(Column c, String col, VolumeTemplates.Template template) {
    if (c.type.equals("date")) return "DATE(DATE_SUB(" + col + ", INTERVAL " + shift(template) + " SECOND))";
    if (c.type.equals("datetime") || c.type.equals("timestamp")) return "DATE_SUB(" + col + ", INTERVAL " + shift(template) + " SECOND)";
    return col;
  }

  private static String code(String templateDemandId, VolumeTemplates.Template template) {
    return "CONCAT('SL-', YEAR(DATE_SUB(NOW(), INTERVAL " + shift(template) + " SECOND)), '-', " + templateDemandId + " + s.seq * " + STRIDE + ")";
  }

  /**
   * An engine id (a UUID, or an activity id and a UUID) made the copy's own at the same length, so it fits its column:
   * the engine's UUIDs are time-based, their last twelve characters (the node) the same in every id, so those become
   * "b" and the copy's number in hex. Short texts get the number appended.
   */
  private static String suffixed(String col) {
    return "CASE WHEN " + col + " IS NULL THEN NULL WHEN LENGTH(" + col + ") < 12 THEN CONCAT(" + col + ", '-', s.seq) ELSE CONCAT(LEFT("
        + col + ", LENGTH(" + col + ") - 12), 'b', LPAD(HEX(s.seq), 11, '0')) END";
  }

  private static String township() {
    return "CONCAT('第', 1 + MOD(s.seq, " + TOWNSHIPS + "), '镇')";
  }

  private static String village() {
    return "CONCAT('第', 1 + MOD(s.seq, " + TOWNSHIPS + "), '镇', 1 + MOD(FLOOR(s.seq / " + TOWNSHIPS + "), " + VILLAGES + "), '村')";
  }

  private String department() {
    return "ELT(1 + MOD(s.seq, " + departments.size() + "), " + departments.stream().map(d -> "'" + d + "'")
        .collect(Collectors.joining(", ")) + ")";
  }

  // ---- bookkeeping ----

  /** The id generators continue after the copies, so demands taken in afterwards get ids of their own. */
  private static void bumpSequences(Connection db) throws SQLException {
    long max = 0;
    for (String table : ourTables(db)) {
      if (columns(db, table).stream().anyMatch(c -> c.name.equals("id") && c.numeric())) {
        max = Math.max(max, longs(db, "SELECT COALESCE(MAX(id), 0) FROM " + table).get(0));
      }
    }
    update(db, "UPDATE sl_sequence SET next_val = GREATEST(next_val, " + (max + 1000) + ")");
  }

  private static void analyze(Connection db) throws SQLException {
    for (String table : strings(db, "SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE()")) {
      try (Statement s = db.createStatement()) {
        s.execute("ANALYZE TABLE " + table);
      }
    }
  }

  static long rows(Connection db, String likePattern) throws SQLException {
    long total = 0;
    for (String table : strings(db, "SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME LIKE '"
        + likePattern + "'")) {
      total += longs(db, "SELECT COUNT(*) FROM " + table).get(0);
    }
    return total;
  }

  static List<String> ourTables(Connection db) throws SQLException {
    return strings(db, "SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME NOT LIKE 'ACT\\_%' "
        + "AND TABLE_NAME NOT LIKE 'bench\\_%' ORDER BY TABLE_NAME").stream().filter(t -> !NOT_PER_MATTER.contains(t.toLowerCase(Locale.ROOT)))
        .toList();
  }

  record Column(String name, String type) {
    boolean numeric() {
      return type.equals("bigint") || type.equals("int");
    }
  }

  private static final Map<String, List<Column>> COLUMNS = new java.util.concurrent.ConcurrentHashMap<>();

  static List<Column> columns(Connection db, String table) throws SQLException {
    List<Column> cached = COLUMNS.get(table);
    if (cached != null) return cached;
    List<Column> result = new ArrayList<>();
    try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("SELECT COLUMN_NAME, DATA_TYPE FROM information_schema.COLUMNS "
        + "WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = '" + table + "' AND EXTRA NOT LIKE '%GENERATED%' ORDER BY ORDINAL_POSITION")) {
      while (rs.next()) result.add(new Column(rs.getString(1), rs.getString(2).toLowerCase(Locale.ROOT)));
    }
    COLUMNS.put(table, result);
    return result;
  }

  /** Text columns unique on their own (proposal numbers, tokens, keys): each copy needs its own values. */
  private static Set<String> uniqueTexts(Connection db, String table) throws SQLException {
    return new LinkedHashSet<>(strings(db, "SELECT s.COLUMN_NAME FROM information_schema.STATISTICS s JOIN information_schema.COLUMNS c "
        + "ON c.TABLE_SCHEMA = s.TABLE_SCHEMA AND c.TABLE_NAME = s.TABLE_NAME AND c.COLUMN_NAME = s.COLUMN_NAME WHERE s.TABLE_SCHEMA = "
        + "DATABASE() AND s.TABLE_NAME = '" + table + "' AND s.NON_UNIQUE = 0 AND c.DATA_TYPE IN ('varchar', 'char') AND s.INDEX_NAME IN (SELECT INDEX_NAME FROM "
        + "information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = '" + table + "' GROUP BY INDEX_NAME "
        + "HAVING COUNT(*) = 1)"));
  }

  /** table → (column → referenced table) for our tables' foreign keys. */
  private static Map<String, Map<String, String>> foreignKeys(Connection db) throws SQLException {
    Map<String, Map<String, String>> result = new LinkedHashMap<>();
    try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("SELECT TABLE_NAME, COLUMN_NAME, REFERENCED_TABLE_NAME FROM "
        + "information_schema.KEY_COLUMN_USAGE WHERE TABLE_SCHEMA = DATABASE() AND REFERENCED_TABLE_NAME IS NOT NULL "
        + "AND TABLE_NAME NOT LIKE 'ACT\\_%'")) {
      while (rs.next()) {
        if (!SHARED_REFERENCES.contains(rs.getString(2))) {
          result.computeIfAbsent(rs.getString(1), t -> new LinkedHashMap<>()).put(rs.getString(2), rs.getString(3));
        }
      }
    }
    return result;
  }

  private static String quoted(List<String> ids) {
    return ids.isEmpty() ? "NULL" : ids.stream().map(id -> "'" + id + "'").collect(Collectors.joining(","));
  }

  static List<String> strings(Connection db, String sql) throws SQLException {
    List<String> result = new ArrayList<>();
    try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) result.add(rs.getString(1));
    }
    return result;
  }

  static List<Long> longs(Connection db, String sql) throws SQLException {
    List<Long> result = new ArrayList<>();
    try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) result.add(rs.getLong(1));
    }
    return result;
  }

  private static void update(Connection db, String sql) throws SQLException {
    try (Statement s = db.createStatement()) {
      s.executeUpdate(sql);
    } catch (SQLException e) {
      throw new SQLException(e.getMessage() + " in: " + (sql.length() > 2000 ? sql.substring(0, 2000) + "…" : sql), e);
    }
  }
}
