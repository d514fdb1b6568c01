package cn.shangliang.proposal;

import cn.shangliang.calendar.CalendarService;
import cn.shangliang.intake.Demand;
import cn.shangliang.intake.DemandRecords;
import cn.shangliang.intake.DemandStatus;
import cn.shangliang.organisation.Departments;
import cn.shangliang.rules.RulesService;
import cn.shangliang.system.ChinaTime;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.BadUserRequestException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What happens to a proposal, one method per step of ProposalProcess and FollowUpReviewProcess. Anything a
 * person got wrong is a {@link BadUserRequestException} in Chinese (the form shows it and nothing changes).
 */
@Service
public class ProposalService {
  private final ProposalRepository proposals;
  private final ProposalMatterRepository matters;
  private final ProposalContactRepository contacts;
  private final ProposalReplyRepository replies;
  private final ProposalEvaluationRepository evaluations;
  private final FollowUpReviewRepository reviews;
  private final SocialOpinionReportRepository reports;
  private final DemandRecords demands;
  private final RulesService rules;
  private final CalendarService calendars;
  private final KeySupervisionSelector selector;
  private final JdbcTemplate jdbc;
  private final Clock clock;

  ProposalService(ProposalRepository proposals, ProposalMatterRepository matters, ProposalContactRepository contacts,
      ProposalReplyRepository replies, ProposalEvaluationRepository evaluations, FollowUpReviewRepository reviews,
      SocialOpinionReportRepository reports, DemandRecords demands, RulesService rules, CalendarService calendars,
      KeySupervisionSelector selector, JdbcTemplate jdbc, Clock clock) {
    this.proposals = proposals;
    this.matters = matters;
    this.contacts = contacts;
    this.replies = replies;
    this.evaluations = evaluations;
    this.reviews = reviews;
    this.reports = reports;
    this.demands = demands;
    this.rules = rules;
    this.calendars = calendars;
    this.selector = selector;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  public ProposalPolicy policy() {
    return rules.current().data(ProposalPolicy.class);
  }

  public ReplyClassScheme scheme() {
    return rules.current().data(ReplyClassScheme.class);
  }

  @Transactional(readOnly = true)
  public Proposal proposal(long id) {
    return proposals.findById(id).orElseThrow(() -> new IllegalStateException("proposal " + id));
  }

  @Transactional
  public Proposal draft(long demandId, String title, String reasons, String suggestions, String proposers,
      String proposerIds, String actor) {
    Demand demand = demands.demand(demandId);
    Set<String> ids = userIds(proposerIds);
    Proposal proposal = proposals.save(new Proposal(demandId, demand.getTrackingCode(), demand.getCategory(),
        demand.getAffectedPeople(), title, reasons, suggestions, proposers, ids.isEmpty() ? null : String.join(",", ids),
        clock.instant(), actor));
    matters.save(new ProposalRecords.Matter(proposal.getId(), demandId, clock.instant(), "ORIGIN"));
    demands.event(demandId, actor, "PROPOSAL_DRAFTED", "起草提案：" + title, null);
    return proposal;
  }

  static Set<String> userIds(String text) {
    Set<String> ids = new LinkedHashSet<>();
    if (text == null) return ids;
    for (String id : text.split("[,，、\\s]+")) {
      if (id.isBlank()) continue;
      if (!id.matches("[A-Za-z0-9_.-]{1,64}")) throw new BadUserRequestException("提案人账号无效：" + id);
      ids.add(id);
    }
    return ids;
  }

  /** 立案审查. Returns the proposal the matter is now handled under (the target, when merged). */
  @Transactional
  public Proposal review(long proposalId, RegistrationDecision decision, String comment, String mergeInto, String actor) {
    Proposal proposal = proposal(proposalId);
    Instant now = clock.instant();
    switch (decision) {
      case REGISTER -> {
        proposal.review(decision, comment, now, actor);
        proposal.register(nextNumber(now));
        demands.event(proposal.getDemandId(), actor, "PROPOSAL_REGISTERED",
            "提案立案，编号第" + proposal.getNumber() + "号：" + comment, DemandStatus.PROPOSAL_REVIEW);
        return proposals.save(proposal);
      }
      case MERGE -> {
        if (mergeInto == null || mergeInto.isBlank()) throw new BadUserRequestException("并案时请填写「并入提案号」");
        Proposal target = proposals.findByNumber(mergeInto.strip())
            .orElseThrow(() -> new BadUserRequestException("没有编号为 " + mergeInto.strip() + " 的已立案提案"));
        if (target.getId().equals(proposal.getId())) throw new BadUserRequestException("提案不能并入自身");
        if (!takesMerge(target)) {
          throw new BadUserRequestException("提案第" + target.getNumber() + "号" + target.getStatus().label() + "，不能再并案");
        }
        proposal.review(decision, comment, now, actor);
        proposal.mergeInto(target);
        proposals.save(proposal);
        for (ProposalRecords.Matter matter : matters.findByProposalIdOrderByLinkedAtAscIdAsc(proposal.getId())) {
          if (!matters.existsByProposalIdAndDemandId(target.getId(), matter.demandId)) {
            matters.save(new ProposalRecords.Matter(target.getId(), matter.demandId, now, "MERGED"));
          }
        }
        demands.event(proposal.getDemandId(), actor, "PROPOSAL_MERGED",
            "并入提案第" + target.getNumber() + "号「" + target.getTitle() + "」一并办理：" + comment, DemandStatus.HANDLED);
        return target;
      }
      case FORWARD -> {
        proposal.review(decision, comment, now, actor);
        proposal.forwarded();
        proposals.save(proposal);
        reports.save(new ProposalRecords.SocialOpinionReport(proposal.getId(), proposal.getDemandId(), proposal.getTitle(),
            proposal.getReasons() + "\n\n建议：" + proposal.getSuggestions(), comment, actor, now));
        demands.event(proposal.getDemandId(), actor, "SOCIAL_OPINION_FORWARDED", "不予立案，转为社情民意信息报送：" + comment,
            DemandStatus.HANDLED);
        return proposal;
      }
      default -> throw new IllegalStateException(decision.name());
    }
  }

  /** 提案号 2026-001: a counter per year, safe across nodes (the row is locked by the update). */
  /** 并入提案号's choices: this year's registered proposals that can still take a merge, by number. */
  public List<Proposal> mergeTargets() {
    int year = clock.instant().atZone(calendars.calendar().zone()).getYear();
    return proposals.findByNumberStartingWithOrderByNumberAsc(year + "-").stream().filter(ProposalService::takesMerge).toList();
  }

  private static boolean takesMerge(Proposal target) {
    return target.getStatus() != ProposalStatus.MERGED && target.getStatus() != ProposalStatus.FORWARDED
        && target.getStatus() != ProposalStatus.CLOSED;
  }

  private String nextNumber(Instant at) {
    int year = at.atZone(calendars.calendar().zone()).getYear();
    if (jdbc.update("UPDATE proposal_number_seq SET last_no = last_no + 1 WHERE year_no = ?", year) == 0) {
      jdbc.update("INSERT INTO proposal_number_seq (year_no, last_no) VALUES (?, 1)", year);
    }
    Integer last = jdbc.queryForObject("SELECT last_no FROM proposal_number_seq WHERE year_no = ?", Integer.class, year);
    return String.format("%d-%03d", year, last);
  }

  /** 交办: lead unit and co-units; the reply is due {@code replyDue} (3 months) later. */
  @Transactional
  public Proposal assign(long proposalId, String leadUnit, List<String> coUnits, String actor) {
    Departments departments = rules.current().data(Departments.class);
    if (leadUnit == null || !departments.exists(leadUnit)) throw new BadUserRequestException("请选择有效的主办单位");
    List<String> co = new ArrayList<>();
    for (String unit : coUnits) {
      if (!departments.exists(unit)) throw new BadUserRequestException("协办单位无效：" + unit);
      if (unit.equals(leadUnit)) throw new BadUserRequestException("协办单位不能与主办单位相同");
      if (!co.contains(unit)) co.add(unit);
    }
    Proposal proposal = proposal(proposalId);
    Instant now = clock.instant();
    Instant due = ProposalPolicy.deadline(calendars.calendar(), now, policy().replyDue());
    proposal.assign(leadUnit, co.isEmpty() ? null : String.join(",", co), now, due);
    eventOnMatters(proposal, actor, "PROPOSAL_ASSIGNED", "提案第" + proposal.getNumber() + "号交" + unitName(leadUnit)
        + "主办" + (co.isEmpty() ? "" : "，" + String.join("、", co.stream().map(this::unitName).toList()) + "协办")
        + "，答复期限" + ChinaTime.of(due).toLocalDate());
    return proposals.save(proposal);
  }

  /** The units as options of a Camunda Forms select ({@code valuesKey}). */
  public List<Map<String, String>> unitOptions() {
    List<Map<String, String>> units = new ArrayList<>();
    rules.current().data(Departments.class).names().forEach((code, name) -> units.add(ProposalGlue.option(name, code)));
    return units;
  }

  public String unitName(String code) {
    return rules.current().data(Departments.class).name(code).orElse(code);
  }

  /** 二次办理 after 不满意: due {@code reHandlingDue} (1 month) from {@code from}. */
  @Transactional
  public Proposal reHandling(long proposalId, Instant from) {
    Proposal proposal = proposal(proposalId);
    Instant due = ProposalPolicy.deadline(calendars.calendar(), from, policy().reHandlingDue());
    proposal.reHandling(due);
    eventOnMatters(proposal, "system", "PROPOSAL_RE_HANDLING", "提案者不满意，交" + unitName(proposal.getLeadUnit())
        + "二次办理，期限" + ChinaTime.of(due).toLocalDate());
    return proposals.save(proposal);
  }

  /** The reply deadline counted again on a new working calendar; the history event is the reply clock's. */
  @Transactional
  public void replyDueMoved(long proposalId, Instant due) {
    proposal(proposalId).replyDueMoved(due);
  }

  @Transactional
  public void contact(long proposalId, int round, ContactWay way, LocalDate on, String view, String actor) {
    Proposal proposal = proposal(proposalId);
    LocalDate today = clock.instant().atZone(calendars.calendar().zone()).toLocalDate();
    if (on.isAfter(today)) throw new BadUserRequestException("「沟通日期」不能晚于今天");
    if (proposal.getAssignedAt() != null
        && on.isBefore(proposal.getAssignedAt().atZone(calendars.calendar().zone()).toLocalDate().minusDays(1))) {
      throw new BadUserRequestException("「沟通日期」不能早于交办日期");
    }
    contacts.save(new ProposalRecords.Contact(proposalId, round, proposal.getLeadUnit(), way, on, view, actor, clock.instant()));
    eventOnMatters(proposal, actor, "PROPOSAL_CONTACT", unitName(proposal.getLeadUnit()) + "与提案者" + way.label() + "：" + view);
  }

  @Transactional
  public ProposalRecords.Reply reply(long proposalId, ReplyKind kind, int round, String replyClass, String text, Long clockId,
      String actor) {
    ReplyClassScheme scheme = scheme();
    if (scheme.find(replyClass).isEmpty()) {
      throw new BadUserRequestException("「答复类别」无效：" + replyClass + "（现行方案：" + scheme.name() + "）");
    }
    Proposal proposal = proposal(proposalId);
    if (kind != ReplyKind.SECOND_HANDLING
        && contacts.findByProposalIdOrderByRecordedAtAscIdAsc(proposalId).stream().noneMatch(c -> c.round == round)) {
      throw new BadUserRequestException("答复前须先与提案者沟通协商");
    }
    Instant now = clock.instant();
    ProposalRecords.Reply reply = replies.save(new ProposalRecords.Reply(proposalId, kind, round, proposal.getLeadUnit(),
        replyClass, text, proposal.getReplyDueAt(), actor, now, clockId));
    proposal.replied(replyClass, now);
    proposals.save(proposal);
    eventOnMatters(proposal, actor, "PROPOSAL_REPLIED", unitName(proposal.getLeadUnit()) + kind.label() + "，"
        + scheme.label(replyClass) + "：" + text);
    return reply;
  }

  /** The evaluation, and what follows it in the policy in force: another round of handling or the conclusion. */
  @Transactional
  public EvaluationOutcome evaluate(long proposalId, Long replyId, int handlingRound, EvaluationResult result, String comment,
      boolean defaulted, String actor) {
    Proposal proposal = proposal(proposalId);
    evaluations.save(new ProposalRecords.Evaluation(proposalId, replyId, result, comment, defaulted, actor, clock.instant()));
    proposal.evaluated(result);
    proposals.save(proposal);
    eventOnMatters(proposal, actor, "PROPOSAL_EVALUATED", defaulted
        ? "提案者" + policy().evaluationWindow().getDays() + "日内未评价，按规定视为满意"
        : "提案者评价：" + result.label() + (comment == null ? "" : "（" + comment + "）"));
    return policy().afterEvaluation(result, handlingRound);
  }

  /** A class given now (a reply, or a class after 回头看): its label, the end of the evaluation window, the next 回头看. */
  public record AfterReply(String classLabel, Instant evaluationDue, Instant followUpAt) {}

  public AfterReply afterReply(String replyClass) {
    Instant now = clock.instant();
    return new AfterReply(scheme().label(replyClass), ProposalPolicy.after(calendars.calendar(), now, policy().evaluationWindow()),
        ProposalPolicy.after(calendars.calendar(), now, policy().followUpAfter()));
  }

  /** 立案审查's result as the matter's history and the next forms say it. */
  public static String reviewText(RegistrationDecision decision, Proposal underWhich, String comment) {
    return switch (decision) {
      case REGISTER -> "提案「" + underWhich.getTitle() + "」已立案，编号第" + underWhich.getNumber() + "号。";
      case MERGE -> "并入提案第" + underWhich.getNumber() + "号「" + underWhich.getTitle() + "」一并办理：" + comment;
      case FORWARD -> "不予立案，已转为社情民意信息报送：" + comment;
    };
  }

  /** The conclusion as the matter's result says it. */
  public String conclusionText(Proposal proposal) {
    return "提案第" + proposal.getNumber() + "号「" + proposal.getTitle() + "」由" + unitName(proposal.getLeadUnit()) + "答复，"
        + scheme().label(proposal.getReplyClass())
        + (proposal.getStatus() == ProposalStatus.FOLLOW_UP_PENDING ? "，将开展回头看。" : "。");
  }

  /** After the evaluation: waits for 回头看 when the class calls for it, else closes. */
  @Transactional
  public Proposal conclude(long proposalId) {
    Proposal proposal = proposal(proposalId);
    boolean followUp = scheme().followUp(proposal.getReplyClass());
    proposal.status(followUp ? ProposalStatus.FOLLOW_UP_PENDING : ProposalStatus.CLOSED, clock.instant());
    eventOnMatters(proposal, "system", followUp ? "PROPOSAL_FOLLOW_UP_SCHEDULED" : "PROPOSAL_CLOSED", followUp
        ? scheme().label(proposal.getReplyClass()) + "，答复满" + policy().followUpAfter().toTotalMonths() + "个月后开展回头看"
        : "提案办结：" + scheme().label(proposal.getReplyClass()));
    return proposals.save(proposal);
  }

  // ---- 回头看 ----

  @Transactional
  public ProposalRecords.Review openReview(long proposalId) {
    Proposal proposal = proposal(proposalId);
    int round = (int) reviews.countByProposalId(proposalId) + 1;
    proposal.status(ProposalStatus.FOLLOW_UP_REVIEW, clock.instant());
    proposals.save(proposal);
    eventOnMatters(proposal, "system", "FOLLOW_UP_STARTED", "第" + round + "轮回头看：请" + unitName(proposal.getLeadUnit())
        + "自查办理进展");
    return reviews.save(new ProposalRecords.Review(proposalId, round, proposal.getReplyClass(), clock.instant()));
  }

  @Transactional(readOnly = true)
  public ProposalRecords.Review review(long reviewId) {
    return reviews.findById(reviewId).orElseThrow(() -> new IllegalStateException("follow-up review " + reviewId));
  }

  private String checkedClass(String code) {
    if (scheme().find(code).isEmpty()) throw new BadUserRequestException("「类别」无效：" + code + "（现行方案：" + scheme().name() + "）");
    return code;
  }

  @Transactional
  public ProposalRecords.Review selfCheck(long reviewId, String report, String proposedClass, String actor) {
    ProposalRecords.Review review = review(reviewId);
    review.progressReport = report;
    review.proposedClass = checkedClass(proposedClass);
    review.selfCheckedBy = actor;
    review.selfCheckedAt = clock.instant();
    eventOnMatters(proposal(review.proposalId), actor, "FOLLOW_UP_SELF_CHECK", "单位自查：" + report + "（建议定为"
        + scheme().label(proposedClass) + "）");
    return reviews.save(review);
  }

  @Transactional
  public KeySupervisionSelection selectForKeySupervision(long reviewId) {
    ProposalRecords.Review review = review(reviewId);
    Proposal proposal = proposal(review.proposalId);
    KeySupervisionSelection selection = selector.select(proposal.getNumber(), review.round, proposal.getCategory(),
        proposal.getAffectedPeople());
    review.keySupervision = selection.isSelected();
    review.selectionReasons = selection.isSelected()
        ? String.join("；", selection.reasons().stream().map(SelectionReason::reason).toList()) : "未入选重点督办";
    reviews.save(review);
    eventOnMatters(proposal, "system", "FOLLOW_UP_SELECTION", selection.isSelected()
        ? "列为重点督办：" + review.selectionReasons : "未列为重点督办");
    return selection;
  }

  @Transactional
  public void inspect(long reviewId, String findings, String confirmedClass, String actor) {
    ProposalRecords.Review review = review(reviewId);
    review.inspectionFindings = findings;
    review.inspectedClass = checkedClass(confirmedClass);
    review.inspectedBy = actor;
    review.inspectedAt = clock.instant();
    reviews.save(review);
    eventOnMatters(proposal(review.proposalId), actor, "FOLLOW_UP_INSPECTION", "领导督查：" + findings + "（认定为"
        + scheme().label(confirmedClass) + "）");
  }

  /** Whether the class the review stands at still calls for follow-up: cause review and 二次办理 come next. */
  @Transactional(readOnly = true)
  public boolean stillPending(long reviewId) {
    return scheme().followUp(currentClass(reviewId));
  }

  /** The class the review stands at: the leadership's finding when inspected, else the unit's own. */
  @Transactional(readOnly = true)
  public String currentClass(long reviewId) {
    ProposalRecords.Review review = review(reviewId);
    return review.inspectedClass != null ? review.inspectedClass : review.proposedClass;
  }

  @Transactional
  public Instant causeReview(long reviewId, String causes, LocalDate secondHandlingDue, String actor) {
    ProposalRecords.Review review = review(reviewId);
    var calendar = calendars.calendar();
    LocalDate today = clock.instant().atZone(calendar.zone()).toLocalDate();
    if (!secondHandlingDue.isAfter(today)) throw new BadUserRequestException("「二次办理期限」应晚于今天");
    if (secondHandlingDue.isAfter(today.plusYears(1))) throw new BadUserRequestException("「二次办理期限」不能超过一年");
    LocalDate day = secondHandlingDue;
    while (!calendar.isWorkingDay(day)) day = day.plusDays(1);
    Instant due = day.atTime(calendar.closeOfBusiness()).atZone(calendar.zone()).toInstant();
    review.causes = causes;
    review.causeReviewedBy = actor;
    review.causeReviewedAt = clock.instant();
    review.secondHandlingDueAt = due;
    reviews.save(review);
    Proposal proposal = proposal(review.proposalId);
    proposal.reHandling(due);
    proposals.save(proposal);
    eventOnMatters(proposal, actor, "FOLLOW_UP_CAUSES", "查找原因：" + causes + "；交" + unitName(proposal.getLeadUnit())
        + "二次办理，期限" + day);
    return due;
  }

  @Transactional
  public void reclassify(long reviewId, String newClass) {
    ProposalRecords.Review review = review(reviewId);
    review.classAfter = checkedClass(newClass);
    review.closedAt = clock.instant();
    reviews.save(review);
    Proposal proposal = proposal(review.proposalId);
    proposal.reclassified(newClass);
    proposals.save(proposal);
    eventOnMatters(proposal, "system", "FOLLOW_UP_RECLASSIFIED", "第" + review.round + "轮回头看结束：由"
        + scheme().label(review.classBefore) + "改定为" + scheme().label(newClass));
  }

  /** Records an event on every matter the proposal gathers, so each submitter's history shows it. */
  private void eventOnMatters(Proposal proposal, String actor, String kind, String detail) {
    for (ProposalRecords.Matter matter : matters.findByProposalIdOrderByLinkedAtAscIdAsc(proposal.getId())) {
      demands.event(matter.demandId, actor, kind, detail, null);
    }
  }

  public static List<String> codes(String commaSeparated) {
    if (commaSeparated == null || commaSeparated.isBlank()) return List.of();
    return Arrays.stream(commaSeparated.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }
}
