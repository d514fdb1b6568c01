package cn.shangliang.sla;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shangliang.calendar.CalendarService;
import cn.shangliang.calendar.CalendarYear;
import cn.shangliang.calendar.WorkingCalendar;
import cn.shangliang.publicity.PublicResponses;
import cn.shangliang.publicity.SatisfactionEvaluation;
import cn.shangliang.support.Demands;
import cn.shangliang.support.Http;
import cn.shangliang.support.PlatformTest;
import cn.shangliang.support.Steps;
import cn.shangliang.support.TestClock;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issue #23: the figures per day and department ({@code sla_daily}) stay exact. Clocks and breaches are made through
 * the product's paths in March 2037 and around New Year 2038 (no other test uses them): replies on time and late,
 * acceptance solved and unsolved, a returned reply, breaches near midnight and at a month's and a year's end, a clock
 * moved to another day by a new calendar, satisfaction answers by two channels. After each step every sla_daily row
 * equals a full recount from the tables, and the summary over several periods
 * (a year, a month, partial days at both ends, one part of a day) equals the old algorithm computed from entity lists.
 * Last, the backfill of an upgraded installation gives the same rows.
 */
@PlatformTest
class SlaDailyRecountTest {
  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired TaskService taskService;
  @Autowired RuntimeService runtime;
  @Autowired ReplyClockRepository clocks;
  @Autowired SlaBreachRepository breaches;
  @Autowired ReplyClocks replyClocks;
  @Autowired SlaSummaries summaries;
  @Autowired CalendarService calendars;
  @Autowired PublicResponses responses;
  @Autowired JdbcTemplate jdbc;
  @Autowired EntityManager entities;
  @Autowired TransactionTemplate transactions;
  @Autowired SlaDailyBackfill backfill;

  @AfterEach
  void reset() {
    ClockUtil.reset();
  }

  static Instant t(String moment) {
    return OffsetDateTime.parse(moment).toInstant();
  }

  record Made(String code, long id, Steps steps) {}

  Made demand(String category, String urgency, String moment) {
    TestClock.at(moment);
    JsonNode created = new Http(port).as("clerk").post("/api/demands", Demands.with(Demands.with(Demands.body(), "urgency", urgency),
        "category", category)).json();
    String code = created.get("trackingCode").asText();
    return new Made(code, created.get("id").asLong(), new Steps(engine, code));
  }

  static final List<String> OFFICER_GROUPS = List.of("dept-environment", "dept-water", "dept-transport");

  void reply(Made m, String moment) {
    TestClock.at(moment);
    m.steps().complete("UserTask_DepartmentReply", "officer", OFFICER_GROUPS, Map.of("resultText", "已处置。"));
  }

  void review(Made m, Map<String, Object> decision) {
    review(m.steps(), decision);
  }

  void review(Steps steps, Map<String, Object> decision) {
    steps.complete("UserTask_ReviewReply", "liaison", List.of("liaison-office"), decision);
  }

  void fire(Made m, String moment) {
    TestClock.at(moment);
    m.steps().fireDueTimers();
  }

  @Test
  void dailyRowsEqualAFullRecount_andTheSummaryEqualsTheOldAlgorithm() {
    // E1: 24 hours from 23:30 → due 3 March 23:30, answered on time, solved
    Made e1 = demand("ENVIRONMENT", "EMERGENCY", "2037-03-02T23:30:00+08:00");
    // E2: due 3 March 09:00, breached, answered late, accepted unsolved
    Made e2 = demand("WATER", "EMERGENCY", "2037-03-02T09:00:00+08:00");
    // E4: due 3 March 10:00, answered in time, returned: open again on the same clock
    Made e4 = demand("TRANSPORT", "EMERGENCY", "2037-03-02T10:00:00+08:00");
    // E3: due 1 April 20:00 (a month's first day), never answered
    Made e3 = demand("ENVIRONMENT", "EMERGENCY", "2037-03-31T20:00:00+08:00");
    checkAll("clocks started");

    reply(e1, "2037-03-03T10:00:00+08:00");
    reply(e4, "2037-03-03T09:30:00+08:00");
    fire(e2, "2037-03-03T09:01:00+08:00");
    checkAll("a breach and two replies");
    reply(e2, "2037-03-04T10:00:00+08:00");
    review(e1, Map.of("reviewDecision", "ACCEPT", "resolved", true));
    review(e2, Map.of("reviewDecision", "ACCEPT", "resolved", false));
    review(e4, Map.of("reviewDecision", "RETURN", "reviewComment", "答复不具体，请补充。"));
    fire(e3, "2037-04-01T20:01:00+08:00");
    checkAll("late reply, acceptance, return, breach on 1 April");

    // E5: across New Year: due 1 January 2038 12:00, breached, answered on 2 January
    Made e5 = demand("WATER", "EMERGENCY", "2037-12-31T12:00:00+08:00");
    fire(e5, "2038-01-01T12:01:00+08:00");
    reply(e5, "2038-01-02T09:00:00+08:00");
    checkAll("New Year");

    // a clock counted in working days moves to another day with a new calendar (issue #20)
    Made w = demand("WATER", "NORMAL", "2037-03-09T09:00:00+08:00");
    TestClock.at("2037-03-09T10:00:00+08:00");
    WorkingCalendar calendar = calendars.calendar();
    Instant from = t("2037-03-09T10:00:00+08:00");
    Instant due = calendar.addWorkingDays(from.atZone(calendar.zone()).toOffsetDateTime(), 3).toInstant();
    String code = w.code() + "-R";
    runtime.startProcessInstanceByKey("DepartmentReplyProcess", code, Map.of("demandId", w.id(), "trackingCode", w.code(),
        "demandTitle", "按日汇总改期", "leadDepartment", "water", "leadGroup", "dept-water", "routeRule", "URGENT",
        "coDepartments", "", "replyDueAt", Date.from(due), "replyDueFrom", Date.from(from)));
    new Steps(engine, code).runJobs();
    long clockId = ((Number) runtime.createVariableInstanceQuery().processInstanceIdIn(runtime.createProcessInstanceQuery()
        .processInstanceBusinessKey(code).processDefinitionKey("DepartmentReplyProcess").singleResult().getId())
        .variableName("replyClockId").singleResult().getValue()).longValue();
    checkAll("a working-day clock");
    LocalDate dueDay = SlaDaily.day(due);
    Map<Integer, CalendarYear> years = new HashMap<>(calendar.years());
    years.put(2037, CalendarYear.published(2037, "测试用通知", Set.of(dueDay), Set.of()));
    WorkingCalendar withHoliday = new WorkingCalendar(years, calendar.law(), calendar.zone(), calendar.closeOfBusiness(), y -> {});
    var moved = replyClocks.retime(clockId, withHoliday);
    assertThat(moved).as("the clock moves off its holiday").isPresent();
    assertThat(SlaDaily.day(moved.get().after().due())).isAfter(dueDay);
    checkAll("re-timed to another day");

    // satisfaction answers, by the public (one without a channel recorded) and by phone
    TestClock.at("2037-03-20T10:00:00+08:00");
    responses.open(e1.id(), 1, "environment");
    responses.open(e2.id(), 1, "water");
    responses.open(e4.id(), 1, "transport");
    responses.evaluate(e1.code(), SatisfactionEvaluation.Rating.SATISFIED, null, SatisfactionEvaluation.Channel.PUBLIC, null);
    TestClock.at("2037-03-21T23:59:00+08:00");
    responses.evaluate(e2.code(), SatisfactionEvaluation.Rating.UNSATISFIED, "太慢", SatisfactionEvaluation.Channel.PHONE_CALLBACK,
        "liaison");
    responses.evaluate(e4.code(), SatisfactionEvaluation.Rating.BASICALLY_SATISFIED, null, null, null);
    TestClock.at("2037-03-12T08:00:00+08:00");
    checkAll("satisfaction");

    breachesPageByPage();
    trendOverHttp();

    // the replies still open answered and accepted: the clocks' last changes, and no open reply left to other tests
    TestClock.at("2038-01-05T10:00:00+08:00");
    for (Steps steps : List.of(e1.steps(), e2.steps(), e3.steps(), e4.steps(), e5.steps(), new Steps(engine, code))) {
      if (steps.task("UserTask_DepartmentReply") != null) {
        steps.complete("UserTask_DepartmentReply", "officer", OFFICER_GROUPS, Map.of("resultText", "已补充答复。"));
      }
      if (steps.task("UserTask_ReviewReply") != null) review(steps, Map.of("reviewDecision", "ACCEPT", "resolved", true));
    }
    checkAll("every reply accepted");

    // an installation upgraded to V18: the rows are filled once from the clocks and breaches already there
    Map<String, List<Long>> before = dailyRows();
    jdbc.update("DELETE FROM sla_daily");
    backfill.fill();
    assertThat(dailyRows()).as("the backfill gives the rows the changes gave").isEqualTo(before).isEqualTo(recount());
  }

  /** Pages of /api/sla/breaches (limit, before) follow each other into the list without limit, newest first. */
  void breachesPageByPage() {
    Http supervisor = new Http(port).as("supervisor");
    String period = "/api/sla/breaches?from=2037-01-01T00:00:00%2B08:00&to=2039-01-01T00:00:00%2B08:00";
    List<String> all = supervisor.get(period).json().findValuesAsText("id");
    assertThat(all).as("this test's three, and whatever other tests of the shared database left in those years").hasSizeGreaterThanOrEqualTo(3);
    List<String> paged = new ArrayList<>();
    String before = "";
    for (int page = 0; page <= all.size() / 2; page++) {
      List<String> ids = supervisor.get(period + "&limit=2" + before).json().findValuesAsText("id");
      paged.addAll(ids);
      if (ids.size() < 2) break;
      before = "&before=" + ids.get(ids.size() - 1);
    }
    assertThat(paged).isEqualTo(all);
    assertThat(supervisor.get(period + "&department=water&limit=1").json().findValuesAsText("trackingCode")).hasSize(1);
    assertThat(supervisor.get(period + "&limit=0").status()).isEqualTo(400);
    assertThat(supervisor.get(period + "&limit=1001").status()).isEqualTo(400);
    assertThat(supervisor.get(period + "&limit=1&before=x").status()).isEqualTo(400);
  }

  void checkAll(String step) {
    assertThat(dailyRows()).as(step + ": sla_daily against a recount of the entities").isEqualTo(recount());
    for (Instant[] period : periods()) {
      assertThat(summaries.summary(period[0], period[1])).as(step + ": summary " + Arrays.toString(period))
          .isEqualTo(reference(period[0], period[1]));
    }
    checkTrend(step);
    assertThat(summaries.dueSoon()).as(step + ": due soon").isEqualTo(referenceDueSoon());
    assertThat(summaries.openNow()).as(step + ": open now").isEqualTo(referenceOpenNow());
  }

  /** Each month of the trend says what the summary of that month says (open tasks and satisfaction aside). */
  void checkTrend(String step) {
    for (SlaSummaries.MonthFigures month : summaries.trend(YearMonth.of(2037, 1), YearMonth.of(2038, 1))) {
      YearMonth m = YearMonth.parse(month.month());
      List<SlaSummaries.MonthOfDepartment> expected = summaries.summary(SlaDaily.start(m.atDay(1)), SlaDaily.start(m.plusMonths(1)
          .atDay(1))).stream().filter(s -> s.repliesDue() > 0 || s.breached() > 0).map(s -> new SlaSummaries.MonthOfDepartment(
          s.department(), s.departmentName(), s.breached(), s.repliesDue(), s.repliesGiven(), s.onTimeRate(), s.responseRate(),
          s.resolutionRate())).toList();
      assertThat(month.departments()).as(step + ": trend " + m).isEqualTo(expected);
    }
  }

  /** The trend over HTTP: months counted back from until, bad parameters refused. */
  void trendOverHttp() {
    Http supervisor = new Http(port).as("supervisor");
    JsonNode trend = supervisor.get("/api/sla/trend?months=3&until=2037-03").json();
    assertThat(trend.findValuesAsText("month")).containsExactly("2037-01", "2037-02", "2037-03");
    assertThat(trend.get(2).get("departments").findValuesAsText("department")).as("March's departments, as the summary has them")
        .isEqualTo(summaries.trend(YearMonth.of(2037, 3), YearMonth.of(2037, 3)).get(0).departments().stream()
            .map(SlaSummaries.MonthOfDepartment::department).toList());
    assertThat(supervisor.get("/api/sla/trend").json()).as("six months by default").hasSize(6);
    assertThat(supervisor.get("/api/sla/trend?months=0").status()).isEqualTo(400);
    assertThat(supervisor.get("/api/sla/trend?months=25").status()).isEqualTo(400);
    assertThat(supervisor.get("/api/sla/trend?until=March").body()).contains("until");
    assertThat(new Http(port).as("clerk").get("/api/sla/trend").status()).isEqualTo(403);
  }

  static List<Instant[]> periods() {
    return List.of(
        new Instant[] {t("2037-01-01T00:00:00+08:00"), t("2038-01-01T00:00:00+08:00")},
        new Instant[] {t("2037-03-01T00:00:00+08:00"), t("2037-04-01T00:00:00+08:00")},
        new Instant[] {t("2037-03-03T09:30:00+08:00"), t("2037-04-01T19:00:00+08:00")},
        new Instant[] {t("2037-03-03T09:00:00+08:00"), t("2037-04-01T20:00:00.001+08:00")},
        new Instant[] {t("2037-03-03T09:30:00+08:00"), t("2037-03-03T23:30:00+08:00")},
        new Instant[] {t("2037-12-31T12:00:00+08:00"), t("2038-01-02T00:00:00+08:00")},
        new Instant[] {t("2000-01-01T00:00:00Z"), t("2100-01-01T00:00:00Z")},
        new Instant[] {t("2037-04-01T00:00:00+08:00"), t("2037-03-01T00:00:00+08:00")});
  }

  /** sla_daily as it is: (day, department) → due, given, on time, accepted, solved, breached. */
  Map<String, List<Long>> dailyRows() {
    return rows("SELECT sla_day, department, replies_due, replies_given, on_time, accepted, solved, breached FROM sla_daily");
  }

  Map<String, List<Long>> rows(String sql) {
    Map<String, List<Long>> rows = new TreeMap<>();
    jdbc.query(sql, rs -> {
      rows.put(rs.getObject(1, LocalDate.class) + " " + rs.getString(2), List.of(rs.getLong(3), rs.getLong(4), rs.getLong(5),
          rs.getLong(6), rs.getLong(7), rs.getLong(8)));
    });
    return rows;
  }

  /** Every clock and breach counted in Java, on the day in China it counts on. */
  Map<String, List<Long>> recount() {
    Map<String, long[]> counts = new TreeMap<>();
    for (ReplyClock c : clocks.findAll()) {
      long[] n = counts.computeIfAbsent(SlaDaily.day(c.getDueAt()) + " " + c.getDepartment(), k -> new long[6]);
      n[0]++;
      if (c.getFirstRepliedAt() != null) n[1]++;
      if (c.getFirstRepliedAt() != null && !c.getFirstRepliedAt().isAfter(c.getDueAt())) n[2]++;
      if (c.getAcceptedAt() != null) n[3]++;
      if (c.getAcceptedAt() != null && Boolean.TRUE.equals(c.getResolved())) n[4]++;
    }
    for (SlaBreach b : breaches.findAll()) {
      counts.computeIfAbsent(SlaDaily.day(b.getBreachedAt()) + " " + b.getDepartment(), k -> new long[6])[5]++;
    }
    Map<String, List<Long>> rows = new TreeMap<>();
    counts.forEach((k, n) -> rows.put(k, Arrays.stream(n).boxed().toList()));
    return rows;
  }

  // ---- the algorithm before issue #23, kept as the reference: entity lists filtered in Java, a query per task ----

  List<SlaSummaries.DepartmentSummary> reference(Instant from, Instant to) {
    return transactions.execute(status -> {
      List<ReplyClock> due = clocks.dueBetween(from, to);
      List<SlaBreach> breached = breaches.search(null, null, from, to);
      Set<String> departments = new LinkedHashSet<>();
      due.forEach(c -> departments.add(c.getDepartment()));
      breached.forEach(b -> departments.add(b.getDepartment()));
      Map<String, Map<String, long[]>> ratings = referenceRatings(from, to);
      departments.addAll(ratings.keySet());
      departments.addAll(referenceOpen().keySet());
      Date now = Date.from(ClockUtil.getCurrentTime().toInstant());
      Date soon = soon();
      List<SlaSummaries.DepartmentSummary> result = new ArrayList<>();
      for (String department : departments.stream().sorted().toList()) {
        List<ReplyClock> mine = due.stream().filter(c -> c.getDepartment().equals(department)).toList();
        long given = mine.stream().filter(c -> c.getFirstRepliedAt() != null).count();
        long onTime = mine.stream().filter(c -> c.getFirstRepliedAt() != null && !c.getFirstRepliedAt().isAfter(c.getDueAt())).count();
        long accepted = mine.stream().filter(c -> c.getAcceptedAt() != null).count();
        long solved = mine.stream().filter(c -> c.getAcceptedAt() != null && Boolean.TRUE.equals(c.getResolved())).count();
        String group = "dept-" + department;
        long open = taskService.createTaskQuery().taskDefinitionKey(SlaSummaries.REPLY_TASK).taskCandidateGroup(group)
            .includeAssignedTasks().count();
        long dueSoon = taskService.createTaskQuery().taskDefinitionKey(SlaSummaries.REPLY_TASK).taskCandidateGroup(group)
            .includeAssignedTasks().dueAfter(now).dueBefore(soon).count();
        Map<String, long[]> mineRated = ratings.get(department);
        Map<String, Double> byChannel = new TreeMap<>();
        if (mineRated != null) mineRated.keySet().stream().filter(Objects::nonNull)
            .forEach(c -> byChannel.put(c, SlaSummaries.rate(mineRated.get(c)[0], mineRated.get(c)[1])));
        result.add(new SlaSummaries.DepartmentSummary(department, open, dueSoon,
            breached.stream().filter(b -> b.getDepartment().equals(department)).count(), mine.size(), given,
            SlaSummaries.rate(onTime, given), SlaSummaries.rate(given, mine.size()), SlaSummaries.rate(solved, accepted),
            mineRated == null || mineRated.get(null) == null ? null : SlaSummaries.rate(mineRated.get(null)[0], mineRated.get(null)[1]),
            byChannel, summaries.departmentName(department)));
      }
      return result;
    });
  }

  Map<String, Map<String, long[]>> referenceRatings(Instant from, Instant to) {
    Map<String, Map<String, long[]>> result = new TreeMap<>();
    List<SatisfactionEvaluation> answered = entities.createQuery("select e from SatisfactionEvaluation e"
        + " where e.answeredAt >= :from and e.answeredAt < :to", SatisfactionEvaluation.class)
        .setParameter("from", from).setParameter("to", to).getResultList();
    for (SatisfactionEvaluation e : answered) {
      if (e.getLeadDepartment() == null) continue;
      Map<String, long[]> department = result.computeIfAbsent(e.getLeadDepartment(), d -> new HashMap<>());
      String channel = e.getChannel() == null ? SatisfactionEvaluation.Channel.PUBLIC.name() : e.getChannel().name();
      for (String key : Arrays.asList(null, channel)) {
        long[] counts = department.computeIfAbsent(key, k -> new long[2]);
        if (e.getRating() != SatisfactionEvaluation.Rating.UNSATISFIED) counts[0]++;
        counts[1]++;
      }
    }
    return result;
  }

  Date soon() {
    var calendar = calendars.calendar();
    return Date.from(calendar.dueSoonLimit(ClockUtil.getCurrentTime().toInstant().atZone(calendar.zone()).toOffsetDateTime())
        .toInstant());
  }

  Map<String, long[]> referenceOpen() {
    Date now = ClockUtil.getCurrentTime();
    Date soon = soon();
    Map<String, long[]> counts = new TreeMap<>();
    for (var task : taskService.createTaskQuery().taskDefinitionKey(SlaSummaries.REPLY_TASK).list()) {
      String department = (String) taskService.getVariable(task.getId(), "leadDepartment");
      if (department == null) continue;
      long[] c = counts.computeIfAbsent(department, d -> new long[2]);
      c[0]++;
      if (task.getDueDate() != null && task.getDueDate().after(now) && task.getDueDate().before(soon)) c[1]++;
    }
    return counts;
  }

  List<SlaSummaries.DepartmentSummary> referenceOpenNow() {
    List<SlaSummaries.DepartmentSummary> result = new ArrayList<>();
    referenceOpen().forEach((d, c) -> result.add(new SlaSummaries.DepartmentSummary(d, c[0], c[1], 0, 0, 0, null, null, null, null,
        Map.of(), summaries.departmentName(d))));
    return result;
  }

  List<SlaSummaries.DueSoonTask> referenceDueSoon() {
    return taskService.createTaskQuery().taskDefinitionKey(SlaSummaries.REPLY_TASK).dueAfter(ClockUtil.getCurrentTime())
        .dueBefore(soon()).orderByDueDate().asc().list().stream()
        .map(t -> new SlaSummaries.DueSoonTask(t.getId(), (String) taskService.getVariable(t.getId(), "trackingCode"),
            (String) taskService.getVariable(t.getId(), "demandTitle"), (String) taskService.getVariable(t.getId(), "leadDepartment"),
            t.getDueDate().toInstant())).toList();
  }
}
