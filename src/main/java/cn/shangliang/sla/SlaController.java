package cn.shangliang.sla;

import cn.shangliang.calendar.CalendarService;
import cn.shangliang.calendar.WorkingCalendar;
import cn.shangliang.organisation.People;
import cn.shangliang.system.ChinaTime;
import cn.shangliang.system.InvalidRequestException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.springframework.data.domain.Limit;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** 督查督办: breaches and the per-department figures (API.md "Supervision"). */
@RestController
@RequestMapping("/api/sla")
@Tag(name = "督查督办 Supervision")
@PreAuthorize("hasAnyAuthority('supervisor', 'leadership', 'admin', 'liaison-office')")
class SlaController {

  /**
   * {@code provisional}: {@code due} falls in a year whose holiday notice is not published yet;
   * {@code supervisedByName}: who supervised, by name (the account is {@code supervisedBy}); {@code departmentName}
   * the department's name.
   */
  record BreachView(String id, String trackingCode, String task, String department, OffsetDateTime due, boolean provisional,
      OffsetDateTime breachedAt, int level, OffsetDateTime escalatedAt, OffsetDateTime closedAt, Long minutesLate,
      String supervisionAction, String supervisionNote, String supervisedBy, String supervisedByName, String departmentName) {
    static BreachView of(SlaBreach b, WorkingCalendar calendar, People people, SlaSummaries summaries) {
      Instant end = b.getClosedAt();
      OffsetDateTime due = at(b.getDueAt());
      return new BreachView(String.valueOf(b.getId()), b.getTrackingCode(), b.getTask(), b.getDepartment(), due,
          calendar.isProvisional(due), at(b.getBreachedAt()), b.getLevel(), at(b.getEscalatedAt()), at(end),
          end == null ? null : Duration.between(b.getDueAt(), end).toMinutes(), b.getSupervisionAction(), b.getSupervisionNote(),
          b.getSupervisedBy(), people.name(b.getSupervisedBy()), summaries.departmentName(b.getDepartment()));
    }
  }

  /** 督办方式 in words (电话催办); a code no longer known stays as recorded. */
  static String actionLabel(String action) {
    if (action == null) return "";
    try {
      return SupervisionAction.valueOf(action).label();
    } catch (IllegalArgumentException e) {
      return action;
    }
  }

  static OffsetDateTime at(Instant instant) {
    return ChinaTime.of(instant);
  }

  private final SlaBreachRepository breaches;
  private final SlaSummaries summaries;
  private final Clock clock;
  private final CalendarService calendars;
  private final People people;

  SlaController(SlaBreachRepository breaches, SlaSummaries summaries, Clock clock, CalendarService calendars, People people) {
    this.calendars = calendars;
    this.people = people;
    this.breaches = breaches;
    this.summaries = summaries;
    this.clock = clock;
  }

  static final int MAX_BREACHES_PAGE = 1000;

  @GetMapping("/breaches")
  @Operation(summary = "超期记录", description = "超期的任务：承办单位、时限、超期时间、督办级别（1 督查督办，2 政协领导）、结束时间；"
      + "可按承办单位、状态（OPEN、CLOSED）和时间段筛选；最新的在前。limit（1–1000）分页，before 为上一页最后一条的 id。")
  List<BreachView> breaches(@RequestParam(required = false) String department, @RequestParam(required = false) String status,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime to,
      @RequestParam(required = false) Integer limit, @RequestParam(required = false) String before) {
    if (limit != null && (limit < 1 || limit > MAX_BREACHES_PAGE)) throw invalid("limit", "应为 1 到 " + MAX_BREACHES_PAGE);
    String unit = department == null || department.isBlank() ? null : department.strip();
    Boolean open = open(status);
    Instant start = from == null ? Instant.EPOCH : from.toInstant();
    Instant end = to == null ? Instant.parse("9999-01-01T00:00:00Z") : to.toInstant();
    List<SlaBreach> found;
    if (limit == null && before == null) {
      found = breaches.search(unit, open, start, end);
    } else {
      SlaBreach last = before == null ? null : cursor(before);
      found = breaches.page(unit, open, start, end, last == null ? end : last.getBreachedAt(),
          last == null ? Long.MAX_VALUE : last.getId(), limit == null ? Limit.unlimited() : Limit.of(limit));
    }
    return found.stream().map(b -> BreachView.of(b, calendars.calendar(), people, summaries)).toList();
  }

  /** The last breach of the previous page, by its id. */
  private SlaBreach cursor(String before) {
    try {
      return breaches.findById(Long.parseLong(before.strip())).orElseThrow(() -> invalid("before", "没有这条超期记录"));
    } catch (NumberFormatException e) {
      throw invalid("before", "应为超期记录的 id");
    }
  }

  private static Boolean open(String status) {
    if (status == null || status.isBlank()) return null;
    return switch (status.strip()) {
      case "OPEN" -> true;
      case "CLOSED" -> false;
      default -> throw invalid("status", "应为 OPEN 或 CLOSED");
    };
  }

  private static InvalidRequestException invalid(String field, String message) {
    return new InvalidRequestException(List.of(new InvalidRequestException.FieldError(field, message)));
  }

  record DueSoonView(String taskId, String trackingCode, String title, String department, OffsetDateTime due,
      boolean provisional, String departmentName) {}

  @GetMapping("/due-soon")
  @Operation(summary = "即将到期的部门答复", description = "下一个工作日结束前到期、尚未超期的部门答复任务。")
  List<DueSoonView> dueSoon() {
    WorkingCalendar calendar = calendars.calendar();
    return summaries.dueSoon().stream().map(t -> new DueSoonView(t.taskId(), t.trackingCode(), t.title(), t.department(),
        at(t.due()), calendar.isProvisional(at(t.due())), summaries.departmentName(t.department()))).toList();
  }

  @GetMapping(value = "/breaches.csv", produces = "text/csv")
  @Operation(summary = "导出超期记录（CSV）", description = "与超期记录相同的筛选；UTF-8 带 BOM，Excel 可直接打开。")
  ResponseEntity<byte[]> breachesCsv(@RequestParam(required = false) String department,
      @RequestParam(required = false) String status,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime to) {
    List<BreachView> rows = breaches(department, status, from, to, null, null);
    return Csv.download("超期督办.csv", List.of("受理编号", "任务", "承办单位", "时限", "超期时间", "督办级别", "升级时间", "结束时间",
        "超期分钟", "督办方式", "督办情况", "督办人"), rows.stream().map(b -> List.<Object>of(b.trackingCode(), b.task(),
        b.departmentName(), ChinaTime.text(b.due()), ChinaTime.text(b.breachedAt()),
        b.level() == 2 ? "重点督办" : "督办", ChinaTime.text(b.escalatedAt()), ChinaTime.text(b.closedAt()),
        Csv.orEmpty(b.minutesLate()), actionLabel(b.supervisionAction()), Csv.orEmpty(b.supervisionNote()),
        Csv.orEmpty(b.supervisedByName()))).toList());
  }

  @GetMapping(value = "/summary.csv", produces = "text/csv")
  @Operation(summary = "导出各单位时限统计（CSV）", description = "与时限统计相同的时间段；UTF-8 带 BOM。")
  ResponseEntity<byte[]> summaryCsv(
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime to) {
    return Csv.download("时限统计.csv", List.of("承办单位", "在办", "即将到期", "超期", "应答复", "已答复", "按时率", "响应率", "解决率", "满意率"),
        summary(from, to).stream().map(s -> List.<Object>of(s.departmentName(), s.openTasks(), s.dueSoon(), s.breached(), s.repliesDue(),
            s.repliesGiven(), Csv.orEmpty(s.onTimeRate()), Csv.orEmpty(s.responseRate()), Csv.orEmpty(s.resolutionRate()),
            Csv.orEmpty(s.satisfactionRate()))).toList());
  }

  @GetMapping("/summary")
  @Operation(summary = "各单位时限统计", description = "每个承办单位：在办、即将到期、超期、按时率、响应率、解决率和满意率；"
      + "时间段默认最近 30 天。")
  List<SlaSummaries.DepartmentSummary> summary(
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime to) {
    Instant end = to == null ? clock.instant() : to.toInstant();
    Instant start = from == null ? end.minus(Duration.ofDays(30)) : from.toInstant();
    return summaries.summary(start, end);
  }

  static final int MAX_TREND_MONTHS = 24;

  @GetMapping("/trend")
  @Operation(summary = "各单位按月时限走势", description = "最近 months 个月（1–24，默认 6，到 until 所在月为止，默认本月）每月每个承办单位的"
      + "应答复、已答复、超期、按时率、响应率、解决率；与按该月查询的时限统计相同。")
  List<SlaSummaries.MonthFigures> trend(@RequestParam(required = false) Integer months, @RequestParam(required = false) String until) {
    int count = months == null ? 6 : months;
    if (count < 1 || count > MAX_TREND_MONTHS) throw invalid("months", "应为 1 到 " + MAX_TREND_MONTHS);
    YearMonth last = until == null || until.isBlank() ? YearMonth.from(clock.instant().atZone(ChinaTime.ZONE)) : month(until);
    return summaries.trend(last.minusMonths(count - 1L), last);
  }

  private static YearMonth month(String text) {
    try {
      return YearMonth.parse(text.strip());
    } catch (DateTimeParseException e) {
      throw invalid("until", "应为年月，如 2026-12");
    }
  }
}
