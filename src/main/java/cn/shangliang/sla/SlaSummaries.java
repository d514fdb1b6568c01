package cn.shangliang.sla;

import cn.shangliang.calendar.CalendarService;
import cn.shangliang.organisation.Departments;
import cn.shangliang.rules.RulesService;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.camunda.bpm.engine.TaskService;
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

  /**
   * satisfactionByChannel: the satisfaction rate of the answers that came through each channel (PUBLIC, PHONE_CALLBACK);
   * departmentName: the department as people call it (水利局).
   */
  public record DepartmentSummary(String department, long openTasks, long dueSoon, long breached, long repliesDue,
      long repliesGiven, Double onTimeRate, Double responseRate, Double resolutionRate, Double satisfactionRate,
      Map<String, Double> satisfactionByChannel, String departmentName) {}

  private final ReplyClockRepository clocks;
  private final SlaBreachRepository breaches;
  private final TaskService taskService;
  private final CalendarService calendars;
  private final Clock clock;

  private final SatisfactionRatings responses;
  private final RulesService rules;

  SlaSummaries(ReplyClockRepository clocks, SlaBreachRepository breaches, TaskService taskService, CalendarService calendars,
      Clock clock, SatisfactionRatings responses, RulesService rules) {
    this.responses = responses;
    this.rules = rules;
    this.clocks = clocks;
    this.breaches = breaches;
    this.taskService = taskService;
    this.calendars = calendars;
    this.clock = clock;
  }

  @Transactional(readOnly = true)
  public List<DepartmentSummary> summary(Instant from, Instant to) {
    List<ReplyClock> due = clocks.dueBetween(from, to);
    List<SlaBreach> breached = breaches.search(null, null, from, to);
    Set<String> departments = new LinkedHashSet<>();
    due.forEach(c -> departments.add(c.getDepartment()));
    breached.forEach(b -> departments.add(b.getDepartment()));
    Map<String, Map<String, long[]>> ratings = responses.ratingsByDepartment(from, to);
    departments.addAll(ratings.keySet());
    departments.addAll(openByDepartment().keySet());
    Date now = Date.from(clock.instant());
    Date soon = Date.from(calendars.calendar().dueSoonLimit(clock.instant().atZone(calendars.calendar().zone()).toOffsetDateTime())
        .toInstant());
    List<DepartmentSummary> result = new ArrayList<>();
    for (String department : departments.stream().sorted().toList()) {
      List<ReplyClock> mine = due.stream().filter(c -> c.getDepartment().equals(department)).toList();
      long given = mine.stream().filter(c -> c.getFirstRepliedAt() != null).count();
      long onTime = mine.stream().filter(c -> c.getFirstRepliedAt() != null && !c.getFirstRepliedAt().isAfter(c.getDueAt())).count();
      long accepted = mine.stream().filter(c -> c.getAcceptedAt() != null).count();
      long solved = mine.stream().filter(c -> c.getAcceptedAt() != null && Boolean.TRUE.equals(c.getResolved())).count();
      String group = "dept-" + department;
      long open = taskService.createTaskQuery().taskDefinitionKey(REPLY_TASK).taskCandidateGroup(group).includeAssignedTasks().count();
      long dueSoon = taskService.createTaskQuery().taskDefinitionKey(REPLY_TASK).taskCandidateGroup(group).includeAssignedTasks()
          .dueAfter(now).dueBefore(soon).count();
      result.add(new DepartmentSummary(department, open, dueSoon,
          breached.stream().filter(b -> b.getDepartment().equals(department)).count(), mine.size(), given,
          rate(onTime, given), rate(given, mine.size()), rate(solved, accepted),
          satisfaction(ratings.get(department), null), byChannel(ratings.get(department)), departmentName(department)));
    }
    return result;
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
    Date now = Date.from(clock.instant());
    Date soon = Date.from(calendars.calendar().dueSoonLimit(clock.instant().atZone(calendars.calendar().zone()).toOffsetDateTime())
        .toInstant());
    return taskService.createTaskQuery().taskDefinitionKey(REPLY_TASK).dueAfter(now).dueBefore(soon).orderByDueDate().asc().list()
        .stream().map(t -> new DueSoonTask(t.getId(), (String) taskService.getVariable(t.getId(), "trackingCode"),
            (String) taskService.getVariable(t.getId(), "demandTitle"), (String) taskService.getVariable(t.getId(), "leadDepartment"),
            t.getDueDate().toInstant())).toList();
  }

  /** Open reply tasks and those due soon, per department with any open reply task (for the metrics). */
  @Transactional(readOnly = true)
  public List<DepartmentSummary> openNow() {
    List<DepartmentSummary> result = new ArrayList<>();
    openByDepartment().forEach((d, c) -> result.add(new DepartmentSummary(d, c[0], c[1], 0, 0, 0, null, null, null, null, Map.of(),
        departmentName(d))));
    return result;
  }

  /** Per department with any open reply task: how many are open and how many of those are due soon. */
  private Map<String, long[]> openByDepartment() {
    Date now = Date.from(clock.instant());
    Date soon = Date.from(calendars.calendar().dueSoonLimit(clock.instant().atZone(calendars.calendar().zone()).toOffsetDateTime())
        .toInstant());
    Map<String, long[]> counts = new TreeMap<>();
    for (var task : taskService.createTaskQuery().taskDefinitionKey(REPLY_TASK).list()) {
      String department = (String) taskService.getVariable(task.getId(), "leadDepartment");
      if (department == null) continue;
      long[] c = counts.computeIfAbsent(department, d -> new long[2]);
      c[0]++;
      if (task.getDueDate() != null && task.getDueDate().after(now) && task.getDueDate().before(soon)) c[1]++;
    }
    return counts;
  }

  /** A department's name from rules/departments.yaml; the code when the file no longer has it. */
  public String departmentName(String code) {
    return code == null ? null : rules.current().data(Departments.class).name(code).orElse(code);
  }

  static Double rate(long part, long whole) {
    return whole == 0 ? null : Math.round(1000.0 * part / whole) / 1000.0;
  }
}
