package cn.shangliang.sla;

import cn.shangliang.calendar.CalendarService;
import cn.shangliang.organisation.Departments;
import cn.shangliang.rules.RulesService;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The supervisors' figures per department for a period (README "Supervision figures" defines them):
 * <ul>
 *   <li>openTasks — department reply tasks open now; dueSoon — of those, not yet overdue and due by the end of
 *       the next working day; counted by their state whatever the period: a department with open replies is listed
 *       even when none of its deadlines falls in the period;</li>
 *   <li>breached — breaches that began in the period;</li>
 *   <li>responseRate 响应率 — replies given / replies due in the period;</li>
 *   <li>onTimeRate — replies given by their deadline / replies given (of those due in the period);</li>
 *   <li>resolutionRate 解决率 — replies accepted as solving the problem / replies accepted;</li>
 *   <li>satisfactionRate 满意率 — (满意 + 基本满意) / evaluations answered in the period by the submitters of the
 *       department's matters; "no answer" counts neither way: null until evaluations exist (never 100 % of nothing).</li>
 * </ul>
 * A rate with nothing to count is null (not applicable).
 */
@Service
public class SlaSummaries {
  static final String REPLY_TASK = "UserTask_DepartmentReply";
  static final String LEAD_DEPARTMENT = "leadDepartment";

  /**
   * satisfactionByChannel: the satisfaction rate of the answers that came through each channel (PUBLIC, PHONE_CALLBACK);
   * departmentName: the department as people call it (水利局).
   */
  public record DepartmentSummary(String department, long openTasks, long dueSoon, long breached, long repliesDue,
      long repliesGiven, Double onTimeRate, Double responseRate, Double resolutionRate, Double satisfactionRate,
      Map<String, Double> satisfactionByChannel, String departmentName) {}

  private final SlaDaily daily;
  private final OpenReplyTasks openTasks;
  private final CalendarService calendars;
  private final Clock clock;

  private final SatisfactionRatings responses;
  private final RulesService rules;

  SlaSummaries(SlaDaily daily, OpenReplyTasks openTasks, CalendarService calendars, Clock clock, SatisfactionRatings responses,
      RulesService rules) {
    this.responses = responses;
    this.rules = rules;
    this.daily = daily;
    this.openTasks = openTasks;
    this.calendars = calendars;
    this.clock = clock;
  }

  /**
   * The figures of clocks and breaches come from {@code sla_daily} for the whole days of the period and from the
   * tables for the parts of a day at its ends; the open tasks from one grouped query each (issue #23).
   */
  @Transactional(readOnly = true)
  public List<DepartmentSummary> summary(Instant from, Instant to) {
    Map<String, SlaDaily.Figures> figures = daily.figures(from, to);
    Set<String> departments = new TreeSet<>();
    figures.forEach((department, f) -> {
      if (!f.isEmpty()) departments.add(department);
    });
    Map<String, Map<String, long[]>> ratings = responses.ratingsByDepartment(from, to);
    departments.addAll(ratings.keySet());
    Date now = Date.from(clock.instant());
    Date soon = dueSoonLimit();
    departments.addAll(openTasks.byLeadDepartment(now, soon).keySet());
    Map<String, long[]> open = openTasks.byCandidateGroup(now, soon);
    List<DepartmentSummary> result = new ArrayList<>();
    for (String department : departments) {
      SlaDaily.Figures f = figures.getOrDefault(department, SlaDaily.Figures.NONE);
      long[] tasks = open.getOrDefault("dept-" + department, new long[2]);
      result.add(new DepartmentSummary(department, tasks[0], tasks[1], f.breached(), f.repliesDue(), f.repliesGiven(),
          rate(f.onTime(), f.repliesGiven()), rate(f.repliesGiven(), f.repliesDue()), rate(f.solved(), f.accepted()),
          satisfaction(ratings.get(department), null), byChannel(ratings.get(department)), departmentName(department)));
    }
    return result;
  }

  /** A month of the trend: the figures of the clocks due and breaches begun in it, per department with any. */
  public record MonthFigures(String month, List<MonthOfDepartment> departments) {}

  /** The rates of the summary for one month (satisfaction and open tasks are the summary's alone). */
  public record MonthOfDepartment(String department, String departmentName, long breached, long repliesDue, long repliesGiven,
      Double onTimeRate, Double responseRate, Double resolutionRate) {}

  /**
   * The months from {@code first} to {@code last}, each as {@link #summary} counts its clocks and breaches: a month in
   * China is whole days, read from {@code sla_daily} alone (one small query a month, not a summary's runtime scans).
   */
  @Transactional(readOnly = true)
  public List<MonthFigures> trend(YearMonth first, YearMonth last) {
    List<MonthFigures> result = new ArrayList<>();
    for (YearMonth month = first; !month.isAfter(last); month = month.plusMonths(1)) {
      List<MonthOfDepartment> departments = new ArrayList<>();
      daily.summed(month.atDay(1), month.plusMonths(1).atDay(1)).forEach((department, f) -> {
        if (!f.isEmpty()) departments.add(new MonthOfDepartment(department, departmentName(department), f.breached(), f.repliesDue(),
            f.repliesGiven(), rate(f.onTime(), f.repliesGiven()), rate(f.repliesGiven(), f.repliesDue()), rate(f.solved(), f.accepted())));
      });
      result.add(new MonthFigures(month.toString(), departments));
    }
    return result;
  }

  private Date dueSoonLimit() {
    return Date.from(calendars.calendar().dueSoonLimit(clock.instant().atZone(calendars.calendar().zone()).toOffsetDateTime())
        .toInstant());
  }

  private static Double satisfaction(Map<String, long[]> ratings, String channel) {
    long[] counts = ratings == null ? null : ratings.get(channel);
    return counts == null ? null : rate(counts[0], counts[1]);
  }

  private static Map<String, Double> byChannel(Map<String, long[]> ratings) {
    Map<String, Double> rates = new TreeMap<>();
    if (ratings != null) ratings.keySet().stream().filter(Objects::nonNull).forEach(c -> rates.put(c, satisfaction(ratings, c)));
    return rates;
  }

  public record DueSoonTask(String taskId, String trackingCode, String title, String department, Instant due) {}

  /** Reply tasks due by the end of the next working day, not yet overdue, soonest first. */
  @Transactional(readOnly = true)
  public List<DueSoonTask> dueSoon() {
    return openTasks.dueSoon(Date.from(clock.instant()), dueSoonLimit());
  }

  /** Open reply tasks and those due soon, per department with any open reply task (for the metrics). */
  @Transactional(readOnly = true)
  public List<DepartmentSummary> openNow() {
    List<DepartmentSummary> result = new ArrayList<>();
    openTasks.byLeadDepartment(Date.from(clock.instant()), dueSoonLimit()).forEach((d, c) -> result.add(new DepartmentSummary(d,
        c[0], c[1], 0, 0, 0, null, null, null, null, Map.of(), departmentName(d))));
    return result;
  }

  /** A department's name from rules/departments.yaml; the code when the file no longer has it. */
  public String departmentName(String code) {
    return code == null ? null : rules.current().data(Departments.class).name(code).orElse(code);
  }

  static Double rate(long part, long whole) {
    return whole == 0 ? null : Math.round(1000.0 * part / whole) / 1000.0;
  }
}
