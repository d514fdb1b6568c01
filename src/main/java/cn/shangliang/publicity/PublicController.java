package cn.shangliang.publicity;

import cn.shangliang.intake.AccessCodes;
import cn.shangliang.intake.Channel;
import cn.shangliang.intake.Demand;
import cn.shangliang.intake.DemandQueries;
import cn.shangliang.intake.DemandRequest;
import cn.shangliang.intake.DemandView;
import cn.shangliang.intake.IntakeService;
import cn.shangliang.intake.TrackingCodes;
import cn.shangliang.organisation.Departments;
import cn.shangliang.privacy.Masking;
import cn.shangliang.routing.Category;
import cn.shangliang.routing.RouteResult;
import cn.shangliang.routing.Scope;
import cn.shangliang.routing.Urgency;
import cn.shangliang.rules.RulesService;
import cn.shangliang.system.ChinaTime;
import cn.shangliang.system.InvalidRequestException;
import cn.shangliang.system.KeysetCursor;
import cn.shangliang.system.NotFoundException;
import cn.shangliang.system.PublicRateLimiter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the public sees, without logging in (API.md "Public"): a demand followed by its tracking code and
 * the publicity board. Never personal data: names and phones masked, numbers in free text masked, no
 * history details — only which of the six steps were reached and when.
 */
@RestController
@RequestMapping("/api/public")
@Tag(name = "公开 Public")
class PublicController {

  record Submitter(String name, String phone) {}

  /** {@code provisional}: the deadline falls in a year whose holiday notice is not published yet and may still move. */
  record PublicRoute(String route, String routeLabel, String leadDepartment, String handlingUnit, OffsetDateTime deadline,
      boolean provisional) {}

  record Step(String step, String label, OffsetDateTime reachedAt) {}

  record PublicObjection(String id, String reason, String status, String statusLabel, String answer, OffsetDateTime submittedAt,
      OffsetDateTime answeredAt) {}

  record PublicNotice(String id, String trackingCode, String title, String route, String handlingUnit, String result,
      OffsetDateTime publishedAt, OffsetDateTime closesAt, OffsetDateTime closedAt, String status, String statusLabel,
      int round, boolean openForObjections, List<PublicObjection> objections) {}

  record PublicEvaluation(boolean due, OffsetDateTime dueAt, String status, String statusLabel, String rating,
      String ratingLabel, OffsetDateTime answeredAt) {}

  record ObjectionRequest(String reason) {}

  record EvaluationRequest(SatisfactionEvaluation.Rating rating, String comment, String accessCode) {}

  record ObjectionReceipt(String id, String noticeId, String status, String statusLabel, OffsetDateTime submittedAt) {}

  record EvaluationReceipt(String trackingCode, String rating, String ratingLabel, OffsetDateTime answeredAt) {}

  record PublicDemand(String trackingCode, String status, String statusLabel, String title, String description,
      String category, String township, String village, Submitter submitter, PublicRoute route, String handlingUnit,
      OffsetDateTime deadline, boolean deadlineProvisional, String result, PublicNotice notice, String mergedInto, List<Step> steps,
      OffsetDateTime submittedAt, PublicEvaluation evaluation) {}

  /** The answer to a submission: the public view and, on the first answer only, the access code for the receipt. */
  record PublicReceipt(@JsonUnwrapped PublicDemand demand, @JsonInclude(JsonInclude.Include.NON_NULL) String accessCode) {}

  /** {@code next}: pass it as {@code before} for the following page (read through an index however deep); null on the last. */
  record Board(List<PublicNotice> content, int page, int size, long totalElements, int totalPages, String next) {}

  /** History kinds → the six steps (first time reached). */
  private static final Map<String, String[]> STEPS = new LinkedHashMap<>();
  static {
    STEPS.put("COLLECTED", new String[] {"COLLECT", "广泛征集知事"});
    STEPS.put("INVESTIGATED", new String[] {"INVESTIGATE", "深入调查明事"});
    STEPS.put("MEETING_HELD", new String[] {"DELIBERATE", "多元参与议事"});
    STEPS.put("DECIDED", new String[] {"DECIDE", "集体研究决事"});
    STEPS.put("ANSWERED", new String[] {"HANDLE", "分层分类办事"});
    STEPS.put("REPLY_ACCEPTED", new String[] {"HANDLE", "分层分类办事"});
    STEPS.put("PROPOSAL_REVIEWED", new String[] {"HANDLE", "分层分类办事"});
    STEPS.put("PROPOSAL_REPLIED", new String[] {"HANDLE", "分层分类办事"});
    STEPS.put("PROPOSAL_MERGED", new String[] {"HANDLE", "分层分类办事"});
    STEPS.put("SOCIAL_OPINION_FORWARDED", new String[] {"HANDLE", "分层分类办事"});
    STEPS.put("PUBLISHED", new String[] {"PUBLICIZE", "公示办理结果"});
  }

  /** What a citizen submits from the public page (or any client): the rest is decided by the office. */
  record PublicSubmission(String title, String description, Category category,
      Scope scope, Urgency urgency, String township, String village,
      DemandRequest.Submitter submitter) {}

  private final DemandQueries demands;
  private final PublicityNotices notices;
  private final RulesService rules;
  private final IntakeService intake;
  private final PublicRateLimiter limiter;
  private final PublicResponses responses;
  private final AccessCodes accessCodes;

  PublicController(DemandQueries demands, PublicityNotices notices, RulesService rules,
      IntakeService intake, PublicRateLimiter limiter, PublicResponses responses,
      AccessCodes accessCodes) {
    this.accessCodes = accessCodes;
    this.responses = responses;
    this.demands = demands;
    this.notices = notices;
    this.rules = rules;
    this.intake = intake;
    this.limiter = limiter;
  }

  @PostMapping("/demands")
  @Operation(summary = "群众提交诉求", description = "渠道为网上（ONLINE），校验与登记诉求相同；scope、urgency 缺省为 VILLAGE、NORMAL。"
      + "首次受理的应答带有提交人的查询码（accessCode，只显示这一次）。"
      + "同一 Idempotency-Key 再次提交时答 200 并返回第一次的诉求（不再有查询码）。按来源地址限制频率。")
  @ApiResponse(responseCode = "201", description = "已受理：公开视图、受理编号和查询码，Location 指向它", useReturnTypeSchema = true)
  @ApiResponse(responseCode = "200", description = "重复提交：第一次受理的诉求，未新建", useReturnTypeSchema = true)
  @ApiResponse(responseCode = "429", description = PublicRateLimiter.TOO_MANY)
  ResponseEntity<PublicReceipt> submit(
      @RequestBody PublicSubmission body,
      @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
      HttpServletRequest http) {
    limiter.consume(http.getRemoteAddr());
    DemandRequest request = new DemandRequest(body.title(), body.description(),
        body.category(), body.scope() == null ? Scope.VILLAGE : body.scope(),
        body.urgency() == null ? Urgency.NORMAL : body.urgency(), Channel.ONLINE,
        body.township(), body.village(), body.submitter(), false, false, null, 1, List.of(), 0, null, null, null, null, null);
    intake.validate(request);
    var submitted = intake.submit(request, idempotencyKey, "public");
    String code = submitted.demand().getTrackingCode();
    return ResponseEntity.status(submitted.created() ? 201 : 200)
        .location(URI.create("/api/public/demands/" + code)).body(new PublicReceipt(demand(code), submitted.accessCode()));
  }

  @GetMapping("/demands/{trackingCode}")
  @Operation(summary = "按受理编号查询诉求", description = "状态、分流结果、承办单位、时限、办理结果、公示和六步进度；提交人姓名和电话已脱敏，"
      + "不含其他个人信息。")
  @ApiResponse(responseCode = "200", description = "诉求的公开视图", useReturnTypeSchema = true)
  @ApiResponse(responseCode = "404", description = "没有这个受理编号")
  PublicDemand demand(@PathVariable String trackingCode) {
    if (!TrackingCodes.isTrackingCode(trackingCode)) throw new NotFoundException("demand " + trackingCode);
    Demand demand = demands.find(trackingCode);
    // the public's few facts read one by one, not the staff view (open tasks, every step's records, people's names)
    RouteResult latest = demands.route(demand).orElse(null);
    PublicRoute route = null;
    String unit = null;
    OffsetDateTime deadline = null;
    if (latest != null) {
      unit = latest.leadDepartment() == null ? "政协委员"
          : rules.current().data(Departments.class).name(latest.leadDepartment()).orElse(latest.leadDepartment());
      deadline = latest.deadline();
      route = new PublicRoute(latest.route().name(), latest.route().label(), latest.leadDepartment(), unit, deadline,
          latest.provisional());
    }
    List<PublicityNotice> published = notices.of(demand.getId());
    // a merged duplicate shows its matter's notice: every submitter sees the result
    Demand matter = demand.getMergedIntoId() == null ? demand : demands.find(String.valueOf(demand.getMergedIntoId()));
    if (published.isEmpty() && matter != demand) published = notices.of(matter.getId());
    PublicNotice notice = published.isEmpty() ? null : notice(published.get(published.size() - 1), demand.getSubmitterName(),
        matter.getSubmitterName());
    List<Step> steps = new ArrayList<>();
    for (DemandView.HistoryEntry entry : demands.milestones(demand)) {
      String[] step = STEPS.get(entry.kind());
      if (step != null && steps.stream().noneMatch(s -> s.step().equals(step[0]))) steps.add(new Step(step[0], step[1], entry.at()));
    }
    return new PublicDemand(demand.getTrackingCode(), demand.getStatus().name(), demand.getStatus().label(),
        Masking.freeText(demand.getTitle(), demand.getSubmitterName()),
        Masking.freeText(demand.getDescription(), demand.getSubmitterName()), demand.getCategory().name(),
        demand.getTownship(), demand.getVillage(),
        new Submitter(Masking.name(demand.getSubmitterName()), Masking.phone(demand.getSubmitterPhone())),
        route, unit, deadline, route != null && route.provisional(), notice == null ? null : notice.result(), notice,
        matter == demand ? null : matter.getTrackingCode(), steps, at(demand.getCreatedAt()), evaluation(demand));
  }

  private PublicEvaluation evaluation(Demand demand) {
    List<SatisfactionEvaluation> all = responses.ofDemand(demand.getId());
    if (all.isEmpty()) return null;
    SatisfactionEvaluation last = all.get(all.size() - 1);
    return new PublicEvaluation(last.getStatus() == SatisfactionEvaluation.Status.PENDING, at(last.getDueAt()),
        last.getStatus().name(), last.getStatus().label(), last.getRating() == null ? null : last.getRating().name(),
        last.getRating() == null ? null : last.getRating().label(), at(last.getAnsweredAt()));
  }

  @PostMapping("/notices/{noticeId}/objections")
  @Operation(summary = "对公示提出异议", description = "公示期内可提出异议（{\"reason\"}：5 到 1000 字）。按来源地址限制频率。")
  @ApiResponse(responseCode = "201", description = "已收到异议", useReturnTypeSchema = true)
  @ApiResponse(responseCode = "404", description = "没有这条公示")
  @ApiResponse(responseCode = "409", description = "公示已结束，不再受理异议")
  @ApiResponse(responseCode = "429", description = PublicRateLimiter.TOO_MANY)
  ResponseEntity<ObjectionReceipt> object(@PathVariable String noticeId,
      @RequestBody ObjectionRequest body, HttpServletRequest http) {
    long id = parseId(noticeId, "notice");
    String reason = body == null || body.reason() == null ? null : body.reason().strip();
    if (reason == null || reason.length() < 5 || reason.length() > 1000) {
      throw new InvalidRequestException(List.of(new InvalidRequestException.FieldError("reason", "异议理由应为5到1000字")));
    }
    limiter.consume(http.getRemoteAddr());
    Objection objection = responses.object(id, reason);
    return ResponseEntity.status(201).body(new ObjectionReceipt(String.valueOf(objection.getId()),
        noticeId, objection.getStatus().name(), objection.getStatus().label(), at(objection.getSubmittedAt())));
  }

  @PostMapping("/demands/{trackingCode}/evaluation")
  @Operation(summary = "评价办理结果", description = "提交人凭查询码对办理结果评价满意度（{\"rating\": SATISFIED 满意 | BASICALLY_SATISFIED 基本满意 | "
      + "UNSATISFIED 不满意, \"comment\", \"accessCode\"}，不满意时须写明原因，意见不超过 500 字）。按来源地址限制频率。")
  @ApiResponse(responseCode = "201", description = "已收到评价", useReturnTypeSchema = true)
  @ApiResponse(responseCode = "403", description = "没有查询码或查询码不正确（不写入任何内容）")
  @ApiResponse(responseCode = "404", description = "没有这个受理编号")
  @ApiResponse(responseCode = "409", description = "该诉求目前没有待评价的办理结果，或刚被他人修改（可重试）")
  @ApiResponse(responseCode = "429", description = PublicRateLimiter.TOO_MANY + "；或15分钟内查询码错误5次，暂停评价")
  ResponseEntity<EvaluationReceipt> evaluate(@PathVariable String trackingCode,
      @RequestBody EvaluationRequest body, HttpServletRequest http) {
    if (!TrackingCodes.isTrackingCode(trackingCode)) throw new NotFoundException("demand " + trackingCode);
    Demand demand = demands.find(trackingCode); // 404 before anything is counted
    limiter.consume(http.getRemoteAddr());
    accessCodes.check(demand, body == null ? null : body.accessCode()); // only the submitter speaks for the demand
    String comment = validatedComment(body == null ? null : body.rating(), body == null ? null : body.comment());
    SatisfactionEvaluation evaluation = responses.evaluate(trackingCode, body.rating(), comment,
        SatisfactionEvaluation.Channel.PUBLIC, null);
    return ResponseEntity.status(201).body(new EvaluationReceipt(trackingCode,
        evaluation.getRating().name(), evaluation.getRating().label(), at(evaluation.getAnsweredAt())));
  }

  /** The rating is required, a comment at most 500 characters and required with 不满意; returns it stripped or null. */
  static String validatedComment(SatisfactionEvaluation.Rating rating, String given) {
    List<InvalidRequestException.FieldError> errors = new ArrayList<>();
    if (rating == null) errors.add(new InvalidRequestException.FieldError("rating", "请选择满意、基本满意或不满意"));
    String comment = given == null || given.isBlank() ? null : given.strip();
    if (comment != null && comment.length() > 500) errors.add(new InvalidRequestException.FieldError("comment", "评价意见不能超过500字"));
    if (rating == SatisfactionEvaluation.Rating.UNSATISFIED && comment == null) {
      errors.add(new InvalidRequestException.FieldError("comment", "不满意时请写明原因"));
    }
    if (!errors.isEmpty()) throw new InvalidRequestException(errors);
    return comment;
  }

  private static long parseId(String id, String what) {
    if (!id.matches("\\d{1,18}")) throw new NotFoundException(what + " " + id);
    return Long.parseLong(id);
  }

  @GetMapping("/notices")
  @Operation(summary = "公示栏", description = "办理结果的公示，最新的在前；分页：page 从 0 起，size 为 1 到 100。"
      + "下一页最好以上一页应答的 next 作 before 参数（page 只作页码回显），越往后越不慢。")
  @ApiResponse(responseCode = "200", description = "一页公示", useReturnTypeSchema = true)
  @ApiResponse(responseCode = "400", description = "page、size 或 before 无效")
  Board board(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size,
      @RequestParam(required = false) String before) {
    List<InvalidRequestException.FieldError> errors = new ArrayList<>();
    if (page < 0) errors.add(new InvalidRequestException.FieldError("page", "页码不能为负数"));
    if (size < 1 || size > 100) errors.add(new InvalidRequestException.FieldError("size", "每页条数应在1到100之间"));
    KeysetCursor cursor = before == null || before.isBlank() ? null : KeysetCursor.parse(before.strip()).orElse(null);
    if (cursor == null && before != null && !before.isBlank()) {
      errors.add(new InvalidRequestException.FieldError("before", "翻页位置无效：请使用上一页应答中的 next"));
    }
    if (!errors.isEmpty()) throw new InvalidRequestException(errors);
    var result = notices.board(page, size, cursor);
    List<PublicityNotice> rows = result.content();
    // three statements for the whole page (notices, names to mask, objections), not three per notice
    Map<Long, List<String>> names = demands.submitterNames(rows.stream().map(PublicityNotice::getDemandId).distinct().toList());
    Map<Long, List<Objection>> objections = responses.objectionsOf(rows.stream().map(PublicityNotice::getId).toList());
    List<PublicNotice> content = rows.stream().map(n -> notice(n, names.getOrDefault(n.getDemandId(), List.of()),
        objections.getOrDefault(n.getId(), List.of()))).toList();
    PublicityNotice last = rows.isEmpty() ? null : rows.get(rows.size() - 1);
    String next = result.more() && last != null ? new KeysetCursor(last.getPublishedAt(), last.getId()).text() : null;
    return new Board(content, page, size, result.total(), (int) ((result.total() + size - 1) / size), next);
  }

  /** Notices are masked when written (names included); masked again on the way out, as every public output is. */
  PublicNotice notice(PublicityNotice n, String... given) {
    // the names of everyone who raised the matter are masked wherever staff or the public wrote them
    List<String> people = new ArrayList<>(List.of(given));
    people.addAll(demands.submitterNames(List.of(n.getDemandId())).getOrDefault(n.getDemandId(), List.of()));
    return notice(n, people, responses.objectionsOf(n.getId()));
  }

  private PublicNotice notice(PublicityNotice n, List<String> people, List<Objection> objectionsOf) {
    String[] names = people.stream().filter(Objects::nonNull).distinct().toArray(String[]::new);
    String status = n.getWithdrawnAt() != null ? "WITHDRAWN" : n.getClosedAt() != null ? "CLOSED" : "PUBLISHED";
    String label = switch (status) {
      case "WITHDRAWN" -> "已撤回（二次办理）";
      case "CLOSED" -> "公示期满";
      default -> "公示中";
    };
    List<PublicObjection> objections = objectionsOf.stream().map(o -> new PublicObjection(
        String.valueOf(o.getId()), Masking.freeText(o.getReason(), names), o.getStatus().name(), o.getStatus().label(),
        Masking.freeText(o.getAnswer(), names), at(o.getSubmittedAt()), at(o.getDecidedAt()))).toList();
    return new PublicNotice(String.valueOf(n.getId()), n.getTrackingCode(), Masking.freeText(n.getTitle(), names), n.getRoute(),
        n.getHandlingUnit(), Masking.freeText(n.getResult(), names), at(n.getPublishedAt()), at(n.getClosesAt()), at(n.getClosedAt()),
        status, label, n.getRound(), n.isOpen(), objections);
  }

  static OffsetDateTime at(Instant instant) {
    return instant == null ? null : ChinaTime.of(instant);
  }
}
