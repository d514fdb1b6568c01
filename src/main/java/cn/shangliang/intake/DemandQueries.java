package cn.shangliang.intake;

import cn.shangliang.calendar.CalendarService;
import cn.shangliang.organisation.People;
import cn.shangliang.routing.Category;
import cn.shangliang.routing.RouteResult;
import cn.shangliang.system.ChinaTime;
import cn.shangliang.system.NotFoundException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads demands for staff: the full view with route, open tasks and history. */
@Service
public class DemandQueries {
  /** The actor of what a civic app did through its API key ({@code open311:<key name>}). */
  private static final String OPEN311_ACTOR = "open311:";
  private final DemandRepository demands;
  private final RoutingRecordRepository routing;
  private final DemandEventRepository events;
  private final TaskService taskService;
  private final List<DemandRecordsContributor> contributors;
  private final CalendarService calendars;
  private final People people;

  DemandQueries(DemandRepository demands, RoutingRecordRepository routing, DemandEventRepository events,
      TaskService taskService, List<DemandRecordsContributor> contributors, CalendarService calendars, People people) {
    this.calendars = calendars;
    this.people = people;
    this.demands = demands;
    this.routing = routing;
    this.events = events;
    this.taskService = taskService;
    this.contributors = contributors;
  }

  /** By numeric id or tracking code. */
  @Transactional(readOnly = true)
  public Demand find(String idOrCode) {
    if (TrackingCodes.isTrackingCode(idOrCode)) {
      return demands.findByTrackingCode(idOrCode).orElseThrow(() -> new NotFoundException("demand " + idOrCode));
    }
    try {
      return demands.findById(Long.parseLong(idOrCode)).orElseThrow(() -> new NotFoundException("demand " + idOrCode));
    } catch (NumberFormatException e) {
      throw new NotFoundException("demand " + idOrCode);
    }
  }

  /** Departments the demand has been routed to (lead and co-handlers), for object-level access. */
  @Transactional(readOnly = true)
  public List<String> departmentsOf(Demand demand) {
    return routing.findByDemandIdOrderByEvaluatedAtAscIdAsc(demand.getId()).stream()
        .flatMap(r -> {
          var result = r.toResult(calendars.calendar());
          return Stream.concat(Stream.ofNullable(result.leadDepartment()),
              result.coDepartments().stream());
        })
        .distinct().toList();
  }

  /** Newest first, at most {@code limit}; codes given → those demands only. */
  @Transactional(readOnly = true)
  public List<Demand> search(List<String> codes, Category category, Instant from, Instant to, int limit) {
    if (codes != null && !codes.isEmpty()) {
      return demands.findByTrackingCodeIn(codes).stream().filter(d -> category == null || d.getCategory() == category)
          .sorted(Comparator.comparing(Demand::getCreatedAt).reversed()).limit(limit).toList();
    }
    return demands.search(category, from, to, PageRequest.of(0, limit));
  }

  /** The latest route of a demand, if routed. */
  @Transactional(readOnly = true)
  public Optional<RouteResult> route(Demand demand) {
    return routing.findFirstByDemandIdOrderByEvaluatedAtDescIdDesc(demand.getId()).map(r -> r.toResult(calendars.calendar()));
  }

  /** The latest route of each of these demands that has one, in one statement (Open311's lists). */
  @Transactional(readOnly = true)
  public Map<Long, RouteResult> latestRoutes(Collection<Demand> list) {
    Map<Long, RouteResult> latest = new HashMap<>();
    if (list.isEmpty()) return latest;
    var calendar = calendars.calendar();
    routing.findWithReasonsByDemandIdIn(list.stream().map(Demand::getId).toList())
        .forEach(r -> latest.put(r.getDemandId(), r.toResult(calendar)));
    return latest;
  }

  /**
   * Everyone who raised each of these matters (by demand id): its submitter and those of the demands merged into
   * it, in one statement, for masking their names wherever the public reads about the matter.
   */
  @Transactional(readOnly = true)
  public Map<Long, List<String>> submitterNames(Collection<Long> matterIds) {
    Map<Long, List<String>> names = new HashMap<>();
    if (matterIds.isEmpty()) return names;
    demands.findSubmitterNamesOfMatters(matterIds)
        .forEach(row -> names.computeIfAbsent((Long) row[0], id -> new ArrayList<>()).add((String) row[1]));
    return names;
  }

  public List<Demand> mergedInto(Demand demand) {
    return demands.findByMergedIntoIdOrderByIdAsc(demand.getId());
  }

  @Transactional(readOnly = true)
  public DemandView view(Demand d) {
    List<RoutingRecord> routes = routing.findByDemandIdOrderByEvaluatedAtAscIdAsc(d.getId());
    var latest = routes.isEmpty() ? null : routes.get(routes.size() - 1).toResult(calendars.calendar());
    List<DemandView.OpenTask> tasks = d.getProcessInstanceId() == null ? List.of()
        : taskService.createTaskQuery().processInstanceId(d.getProcessInstanceId()).orderByTaskCreateTime().asc().list()
            .stream().map(this::openTask).toList();
    String mergedInto = d.getMergedIntoId() == null ? null
        : demands.findById(d.getMergedIntoId()).map(Demand::getTrackingCode).orElse(null);
    return new DemandView(String.valueOf(d.getId()), d.getTrackingCode(), d.getStatus().name(), d.getStatus().label(),
        d.getProcessInstanceId(), d.getChannel().name(), d.getTitle(), d.getDescription(), d.getCategory().name(),
        d.getScope().name(), d.getUrgency().name(), d.getTownship(), d.getVillage(), d.getLatitude(), d.getLongitude(),
        new DemandView.Submitter(d.getSubmitterName(), d.getSubmitterPhone()), d.getCollectingMember(),
        d.isAnswerableOnSite(), d.isNeedsPolicyChange(), d.getEstimatedCostYuan(), d.getDepartmentsInvolved(),
        d.coDepartmentList(), d.getAffectedPeople(), d.getExternalId(), mergedInto,
        demands.findByMergedIntoIdOrderByIdAsc(d.getId()).stream().map(Demand::getTrackingCode).toList(),
        latest,
        routes.stream().map(r -> new DemandView.RoutingStep(r.getStage().name(), r.toResult(calendars.calendar()),
            r.getRepeatCount(), r.getRulesChecksum(), at(r.getEvaluatedAt()))).toList(),
        tasks, List.of(), steps(d.getId()), history(d), at(d.getCreatedAt()), d.getCreatedBy(),
        latest == null ? null : latest.route().label());
  }

  /** The demand's history, oldest first: the view's last part alone (what every task card shows). */
  @Transactional(readOnly = true)
  public List<DemandView.HistoryEntry> history(Demand d) {
    List<DemandEvent> list = events.findByDemandIdOrderByOccurredAtAscIdAsc(d.getId());
    Map<String, String> names = actorNames(list.stream().map(DemandEvent::getActor).distinct().toList());
    return list.stream().map(e -> new DemandView.HistoryEntry(at(e.getOccurredAt()), e.getActor(), e.getKind(), e.getDetail(),
        names.get(e.getActor()))).toList();
  }

  /** What happened to the demand and when, oldest first, without naming anyone (the public's six steps). */
  @Transactional(readOnly = true)
  public List<DemandView.HistoryEntry> milestones(Demand d) {
    return events.findByDemandIdOrderByOccurredAtAscIdAsc(d.getId()).stream()
        .map(e -> new DemandView.HistoryEntry(at(e.getOccurredAt()), null, e.getKind(), null, null)).toList();
  }

  /** The words for each actor; the people among them looked up together (one query, however many took part). */
  private Map<String, String> actorNames(List<String> actors) {
    List<String> accounts = actors.stream().filter(a -> a != null && actorName(a, null) == null).toList();
    Map<String, String> names = new HashMap<>(people.names(accounts));
    actors.stream().filter(a -> a != null && !names.containsKey(a)).forEach(a -> names.put(a, actorName(a, null)));
    return names;
  }

  /** Who acted, in words: a person by name, the platform itself as 系统, the public and civic apps as such. */
  String actorName(String actor) {
    return actorName(actor, people::name);
  }

  /** The actor in words; a person is named by {@code person} (null: answers null for a person). */
  private static String actorName(String actor, UnaryOperator<String> person) {
    if (actor == null) return null;
    if (actor.equals("system")) return "系统";
    if (actor.equals("public")) return "群众";
    if (actor.startsWith(OPEN311_ACTOR)) return "Open311 接口（" + actor.substring(OPEN311_ACTOR.length()) + "）";
    return person == null ? null : person.apply(actor);
  }

  private Map<String, Object> steps(long demandId) {
    Map<String, Object> steps = new LinkedHashMap<>();
    contributors.forEach(c -> steps.put(c.name(), c.recordsOf(demandId)));
    return steps;
  }

  private DemandView.OpenTask openTask(Task task) {
    List<String> groups = taskService.getIdentityLinksForTask(task.getId()).stream()
        .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getGroupId() != null)
        .map(IdentityLink::getGroupId).toList();
    OffsetDateTime due = at(task.getDueDate());
    return new DemandView.OpenTask(task.getId(), task.getName(), task.getTaskDefinitionKey(), groups, task.getAssignee(),
        at(task.getCreateTime()), due, calendars.calendar().isProvisional(due));
  }

  static OffsetDateTime at(Instant instant) {
    return ChinaTime.of(instant);
  }

  static OffsetDateTime at(Date date) {
    return date == null ? null : at(date.toInstant());
  }
}
