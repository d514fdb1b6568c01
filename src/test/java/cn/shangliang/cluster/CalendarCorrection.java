package cn.shangliang.cluster;

import static cn.shangliang.cluster.ClusterDatabase.count;
import static org.assertj.core.api.Assertions.assertThat;

import cn.shangliang.calendar.CalendarData;
import cn.shangliang.calendar.WorkingCalendar;
import cn.shangliang.rules.RuleBase;
import cn.shangliang.system.ChinaTime;
import cn.shangliang.system.DesignerFolder;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Calendar;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

/**
 * Issue #20 on two nodes: the holiday notice is corrected while both run. The nodes read a copy of {@code rules/};
 * the correction makes the second working day from today a holiday, both nodes reload at the same moment, and every
 * deadline counted on the calendar that reaches past that day moves once — the clocks' supervision dates with the
 * process variables that hold them, the investigation tasks' due dates (5 working days), one history event per
 * moved date however many nodes reloaded. Withdrawing the correction puts every date back.
 */
final class CalendarCorrection {
  private static final Calendar UTC = Calendar.getInstance(TimeZone.getTimeZone("UTC"));
  private final Path rules;
  private final RunReport report;
  private Path file;
  private String original;

  CalendarCorrection(Path rules, RunReport report) {
    this.rules = rules;
    this.report = report;
  }

  /** A copy of the repository's {@code rules/} for the nodes. */
  static Path copyOfRules(Path target) throws IOException {
    Path source = Path.of("rules");
    try (Stream<Path> walk = Files.walk(source)) {
      for (Path from : walk.toList()) {
        Path to = target.resolve(source.relativize(from).toString());
        if (Files.isDirectory(from)) Files.createDirectories(to);
        else Files.copy(from, to, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      }
    }
    return target;
  }

  void correctAndWithdraw(Connection db, AppNode... nodes) throws Exception {
    Map<Long, Long> supervisionBefore = supervisionDates(db);
    Map<String, Long> investigationsBefore = investigationDues(db);
    long eventsBefore = retimedEvents(db);
    LocalDate holiday = calendar().nthWorkingDayAfter(LocalDate.now(ChinaTime.ZONE), 2);
    correct(holiday);
    long started = System.nanoTime();
    reloadAll(nodes);
    double seconds = (System.nanoTime() - started) / 1e9;

    Map<Long, Long> supervision = supervisionDates(db);
    Map<String, Long> investigations = investigationDues(db);
    long movedClocks = supervision.keySet().stream().filter(id -> !supervision.get(id).equals(supervisionBefore.get(id))).count();
    long movedTasks = investigations.keySet().stream()
        .filter(id -> !investigations.get(id).equals(investigationsBefore.get(id))).count();
    assertThat(movedClocks).as("open reply clocks whose supervision date passes %s", holiday).isEqualTo(supervision.size());
    assertThat(movedTasks).as("investigations due after %s", holiday).isEqualTo(investigations.size()).isPositive();
    assertThat(variablesDisagreeing(db)).as("clocks whose process variable kept the old supervision date").isZero();
    assertThat(twiceRecorded(db)).as("moves recorded twice (once per node)").isZero();
    long events = retimedEvents(db) - eventsBefore;
    report.line("calendar: %s made a holiday while both nodes ran; both reloaded in %.1f s: %d reply clocks and %d "
        + "investigation tasks moved, %d history events, none twice", holiday, seconds, movedClocks, movedTasks, events);

    withdraw();
    reloadAll(nodes);
    assertThat(supervisionDates(db)).as("supervision dates after the correction was withdrawn").isEqualTo(supervisionBefore);
    assertThat(investigationDues(db)).as("investigation due dates after the withdrawal").isEqualTo(investigationsBefore);
    assertThat(twiceRecorded(db)).as("moves recorded twice").isZero();
    report.line("calendar: correction withdrawn, every date back where it was");
  }

  private WorkingCalendar calendar() {
    Map<String, byte[]> files = new HashMap<>();
    for (DesignerFolder.File f : new DesignerFolder(rules, "rules").files()) {
      if (new CalendarData().accepts(f.path())) files.put(f.path(), f.content());
    }
    return new CalendarData().parse(files, (RuleBase.Partial) null);
  }

  /** The year's notice gains one holiday; a year without a notice gets one naming only that day. */
  private void correct(LocalDate holiday) throws IOException {
    file = rules.resolve("calendar/" + holiday.getYear() + ".yaml");
    original = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : null;
    String entry = "  - { name: 测试更正, from: " + holiday + ", to: " + holiday + " }\n";
    String corrected = original != null ? original.replace("holidays:\n", "holidays:\n" + entry)
        : "year: " + holiday.getYear() + "\nsource: 测试更正\nholidays:\n" + entry;
    assertThat(corrected).as("a holidays list to add to").contains(entry);
    Files.writeString(file, corrected, StandardCharsets.UTF_8);
  }

  private void withdraw() throws IOException {
    if (original == null) Files.delete(file);
    else Files.writeString(file, original, StandardCharsets.UTF_8);
  }

  private static void reloadAll(AppNode... nodes) {
    List<CompletableFuture<HttpResponse<String>>> answers = Stream.of(nodes)
        .map(node -> AppNode.HTTP.sendAsync(node.reloadRules(), HttpResponse.BodyHandlers.ofString())).toList();
    for (CompletableFuture<HttpResponse<String>> answer : answers) {
      HttpResponse<String> response = answer.join();
      assertThat(response.statusCode()).as("reload: %s", response.body()).isEqualTo(200);
    }
  }

  /** Open reply clocks: id → supervision due date (epoch ms). */
  private static Map<Long, Long> supervisionDates(Connection db) throws SQLException {
    return longs(db, "SELECT id, supervision_due_at FROM reply_clock WHERE accepted_at IS NULL");
  }

  /** Open investigation tasks: task id → due date (epoch ms). */
  private static Map<String, Long> investigationDues(Connection db) throws SQLException {
    Map<String, Long> dues = new HashMap<>();
    try (PreparedStatement query = db.prepareStatement(
        "SELECT ID_, DUE_DATE_ FROM ACT_RU_TASK WHERE TASK_DEF_KEY_ = 'UserTask_Investigate'");
        ResultSet rs = query.executeQuery()) {
      while (rs.next()) dues.put(rs.getString(1), rs.getTimestamp(2).getTime());
    }
    return dues;
  }

  private static Map<Long, Long> longs(Connection db, String sql) throws SQLException {
    Map<Long, Long> values = new HashMap<>();
    try (PreparedStatement query = db.prepareStatement(sql); ResultSet rs = query.executeQuery()) {
      while (rs.next()) values.put(rs.getLong(1), rs.getTimestamp(2).getTime());
    }
    return values;
  }

  private static long variablesDisagreeing(Connection db) throws SQLException {
    long disagreeing = 0;
    try (PreparedStatement query = db.prepareStatement("SELECT r.supervision_due_at, v.LONG_ FROM reply_clock r "
        + "JOIN ACT_RU_VARIABLE c ON c.NAME_ = 'replyClockId' AND c.LONG_ = r.id "
        + "JOIN ACT_RU_VARIABLE v ON v.PROC_INST_ID_ = c.PROC_INST_ID_ AND v.NAME_ = 'supervisionDueAt' "
        + "WHERE r.accepted_at IS NULL"); ResultSet rs = query.executeQuery()) {
      // the application writes its own DATETIME columns in UTC (hibernate.jdbc.time_zone); the engine's variable is epoch ms
      while (rs.next()) if (rs.getTimestamp(1, UTC).getTime() != rs.getLong(2)) disagreeing++;
    }
    return disagreeing;
  }

  private static long retimedEvents(Connection db) throws SQLException {
    return count(db, "SELECT COUNT(*) FROM demand_event WHERE kind = 'DEADLINE_RETIMED'");
  }

  private static long twiceRecorded(Connection db) throws SQLException {
    return count(db, "SELECT COUNT(*) FROM (SELECT demand_id, detail FROM demand_event WHERE kind = 'DEADLINE_RETIMED' "
        + "GROUP BY demand_id, detail HAVING COUNT(*) > 1) x");
  }
}
