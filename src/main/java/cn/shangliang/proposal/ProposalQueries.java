package cn.shangliang.proposal;

import cn.shangliang.intake.Demand;
import cn.shangliang.intake.DemandRecords;
import cn.shangliang.organisation.Departments;
import cn.shangliang.organisation.People;
import cn.shangliang.rules.RulesService;
import cn.shangliang.system.ChinaTime;
import cn.shangliang.system.NotFoundException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Read side of proposals: the list, one proposal with its whole history, and the statistics per handling unit. */
@Service
public class ProposalQueries {
  private final ProposalRepository proposals;
  private final ProposalMatterRepository matters;
  private final ProposalContactRepository contacts;
  private final ProposalReplyRepository replies;
  private final ProposalEvaluationRepository evaluations;
  private final FollowUpReviewRepository reviews;
  private final SocialOpinionReportRepository reports;
  private final DemandRecords demands;
  private final RulesService rules;
  private final People people;

  ProposalQueries(ProposalRepository proposals, ProposalMatterRepository matters, ProposalContactRepository contacts,
      ProposalReplyRepository replies, ProposalEvaluationRepository evaluations, FollowUpReviewRepository reviews,
      SocialOpinionReportRepository reports, DemandRecords demands, RulesService rules, People people) {
    this.people = people;
    this.proposals = proposals;
    this.matters = matters;
    this.contacts = contacts;
    this.replies = replies;
    this.evaluations = evaluations;
    this.reviews = reviews;
    this.reports = reports;
    this.demands = demands;
    this.rules = rules;
  }

  public record ProposalSummary(long id, String number, String title, String status, String statusLabel, String trackingCode,
      String category, String leadUnit, String leadUnitName, List<String> coUnits, String replyClass, String replyClassLabel,
      String evaluation, String registrationDecision, String registrationComment, String proposers, OffsetDateTime draftedAt,
      OffsetDateTime assignedAt, OffsetDateTime replyDueAt, OffsetDateTime firstRepliedAt, OffsetDateTime closedAt) {}

  public record Matter(String trackingCode, String title, String how, String status) {}

  public record Contact(int round, String unit, String way, String wayLabel, String contactedOn, String proposerView,
      String recordedBy, OffsetDateTime recordedAt) {}

  public record Reply(int round, String kind, String kindLabel, String unit, String replyClass, String replyClassLabel,
      String text, OffsetDateTime dueAt, String repliedBy, OffsetDateTime repliedAt, Boolean onTime) {}

  public record Evaluation(String result, String resultLabel, String comment, boolean defaulted, String evaluatedBy,
      OffsetDateTime evaluatedAt) {}

  public record Review(int round, String classBefore, OffsetDateTime startedAt, String progressReport, String proposedClass,
      OffsetDateTime selfCheckedAt, Boolean keySupervision, String selectionReasons, String inspectionFindings,
      String inspectedClass, OffsetDateTime inspectedAt, String causes, OffsetDateTime secondHandlingDueAt, String classAfter,
      OffsetDateTime closedAt) {}

  public record Report(String title, String content, String reasons, String forwardedBy, OffsetDateTime forwardedAt) {}

  public record HistoryEntry(OffsetDateTime at, String kind, String detail) {}

  public record ProposalDetail(ProposalSummary proposal, String reasons, String suggestions, String mergedInto,
      List<Matter> matters, List<Contact> contacts, List<Reply> replies, List<Evaluation> evaluations, List<Review> reviews,
      List<Report> socialOpinionReports, List<HistoryEntry> history) {}

  public record UnitStatistics(String unit, String unitName, int proposals, Map<String, Integer> byClass, Double averageDaysToReply,
      int replied, int onTime, int followUpsPending, int reviewsOpen) {}

  @Transactional(readOnly = true)
  public List<ProposalSummary> search(ProposalStatus status, String replyClass, String unit, int limit) {
    return proposals.search(status, replyClass, unit, PageRequest.of(0, limit)).stream().map(this::summary).toList();
  }

  /** By id or by number (2026-001). */
  @Transactional(readOnly = true)
  public ProposalDetail detail(String idOrNumber) {
    Proposal proposal = (idOrNumber.matches("\\d{1,18}") ? proposals.findById(Long.parseLong(idOrNumber))
        : proposals.findByNumber(idOrNumber)).orElseThrow(() -> new NotFoundException("proposal " + idOrNumber));
    ReplyClassScheme scheme = scheme();
    List<HistoryEntry> history = new ArrayList<>();
    history.add(new HistoryEntry(at(proposal.getDraftedAt()), "DRAFTED", "起草提案（" + people.name(proposal.getDraftedBy()) + "）"));
    if (proposal.getReviewedAt() != null) {
      history.add(new HistoryEntry(at(proposal.getReviewedAt()), "REGISTRATION_REVIEWED",
          RegistrationDecision.valueOf(proposal.getRegistrationDecision()).label() + "：" + proposal.getRegistrationComment()));
    }
    if (proposal.getAssignedAt() != null) {
      history.add(new HistoryEntry(at(proposal.getAssignedAt()), "ASSIGNED", "交" + unitName(proposal.getLeadUnit()) + "主办"));
    }
    List<Contact> contactViews = contacts.findByProposalIdOrderByRecordedAtAscIdAsc(proposal.getId()).stream().map(c -> {
      history.add(new HistoryEntry(at(c.recordedAt), "CONTACT", unitName(c.unit) + c.way.label() + "：" + c.proposerView));
      return new Contact(c.round, c.unit, c.way.name(), c.way.label(), c.contactedOn.toString(), c.proposerView, c.recordedBy,
          at(c.recordedAt));
    }).toList();
    List<Reply> replyViews = replies.findByProposalIdOrderByRepliedAtAscIdAsc(proposal.getId()).stream().map(r -> {
      history.add(new HistoryEntry(at(r.repliedAt), "REPLIED", r.kind.label() + "：" + scheme.label(r.replyClass)));
      return new Reply(r.round, r.kind.name(), r.kind.label(), r.unit, r.replyClass, scheme.label(r.replyClass), r.text,
          at(r.dueAt), r.repliedBy, at(r.repliedAt), r.dueAt == null ? null : !r.repliedAt.isAfter(r.dueAt));
    }).toList();
    List<Evaluation> evaluationViews = evaluations.findByProposalIdOrderByEvaluatedAtAscIdAsc(proposal.getId()).stream().map(e -> {
      history.add(new HistoryEntry(at(e.evaluatedAt), "EVALUATED", e.defaulted ? "逾期未评价，视为满意" : "评价：" + e.result.label()));
      return new Evaluation(e.result.name(), e.result.label(), e.comment, e.defaulted, e.evaluatedBy, at(e.evaluatedAt));
    }).toList();
    List<Review> reviewViews = reviews.findByProposalIdOrderByRoundAsc(proposal.getId()).stream().map(r -> {
      history.add(new HistoryEntry(at(r.startedAt), "FOLLOW_UP", "第" + r.round + "轮回头看"
          + (r.classAfter == null ? "进行中" : "：改定为" + scheme.label(r.classAfter))));
      return new Review(r.round, r.classBefore, at(r.startedAt), r.progressReport, r.proposedClass, at(r.selfCheckedAt),
          r.keySupervision, r.selectionReasons, r.inspectionFindings, r.inspectedClass, at(r.inspectedAt), r.causes,
          at(r.secondHandlingDueAt), r.classAfter, at(r.closedAt));
    }).toList();
    List<Report> reportViews = reports.findByProposalId(proposal.getId()).stream().map(r -> {
      history.add(new HistoryEntry(at(r.forwardedAt), "FORWARDED", "转为社情民意信息：" + r.reasons));
      return new Report(r.title, r.content, r.reasons, r.forwardedBy, at(r.forwardedAt));
    }).toList();
    List<Matter> matterViews = matters.findByProposalIdOrderByLinkedAtAscIdAsc(proposal.getId()).stream().map(m -> {
      Demand demand = demands.demand(m.demandId);
      return new Matter(demand.getTrackingCode(), demand.getTitle(), m.how, demand.getStatus().name());
    }).toList();
    history.sort(Comparator.comparing(HistoryEntry::at));
    String mergedInto = proposal.getMergedIntoId() == null ? null
        : proposals.findById(proposal.getMergedIntoId()).map(Proposal::getNumber).orElse(null);
    return new ProposalDetail(summary(proposal), proposal.getReasons(), proposal.getSuggestions(), mergedInto, matterViews,
        contactViews, replyViews, evaluationViews, reviewViews, reportViews, history);
  }

  /** The proposals a matter belongs to (its own draft and the proposal it was merged into). */
  @Transactional(readOnly = true)
  public List<ProposalSummary> ofMatter(long demandId) {
    Map<Long, Proposal> all = new LinkedHashMap<>();
    proposals.findByDemandIdOrderByDraftedAtAscIdAsc(demandId).forEach(p -> all.put(p.getId(), p));
    proposals.linkedTo(demandId).forEach(p -> all.putIfAbsent(p.getId(), p));
    return all.values().stream().map(this::summary).toList();
  }

  /** Per lead unit: proposals by current class, average days from assignment to the first reply, follow-ups pending. */
  @Transactional(readOnly = true)
  public List<UnitStatistics> statistics(Integer year) {
    Map<String, List<Proposal>> byUnit = new TreeMap<>();
    for (Proposal p : proposals.findAll()) {
      if (p.getLeadUnit() == null || p.getAssignedAt() == null) continue;
      if (year != null && ChinaTime.of(p.getAssignedAt()).getYear() != year) continue;
      byUnit.computeIfAbsent(p.getLeadUnit(), u -> new ArrayList<>()).add(p);
    }
    List<UnitStatistics> result = new ArrayList<>();
    for (var entry : byUnit.entrySet()) {
      Map<String, Integer> byClass = new LinkedHashMap<>();
      scheme().classes().forEach(c -> byClass.put(c.code(), 0));
      int replied = 0;
      int onTime = 0;
      long replySeconds = 0;
      int pending = 0;
      int open = 0;
      for (Proposal p : entry.getValue()) {
        if (p.getReplyClass() != null) byClass.merge(p.getReplyClass(), 1, Integer::sum);
        if (p.getFirstRepliedAt() != null) {
          replied++;
          replySeconds += Duration.between(p.getAssignedAt(), p.getFirstRepliedAt()).getSeconds();
          var first = replies.findByProposalIdOrderByRepliedAtAscIdAsc(p.getId()).stream().findFirst();
          if (first.isPresent() && first.get().dueAt != null && !first.get().repliedAt.isAfter(first.get().dueAt)) onTime++;
        }
        if (p.getStatus() == ProposalStatus.FOLLOW_UP_PENDING) pending++;
        if (p.getStatus() == ProposalStatus.FOLLOW_UP_REVIEW) open++;
      }
      Double average = replied == 0 ? null : Math.round(replySeconds / 86400.0 / replied * 10) / 10.0;
      result.add(new UnitStatistics(entry.getKey(), unitName(entry.getKey()), entry.getValue().size(), byClass, average, replied,
          onTime, pending, open));
    }
    return result;
  }

  ProposalSummary summary(Proposal p) {
    ReplyClassScheme scheme = scheme();
    return new ProposalSummary(p.getId(), p.getNumber(), p.getTitle(), p.getStatus().name(), p.getStatus().label(),
        p.getTrackingCode(), p.getCategory() == null ? null : p.getCategory().name(), p.getLeadUnit(),
        p.getLeadUnit() == null ? null : unitName(p.getLeadUnit()), ProposalService.codes(p.getCoUnits()), p.getReplyClass(),
        p.getReplyClass() == null ? null : scheme.label(p.getReplyClass()),
        p.getEvaluation() == null ? null : p.getEvaluation().name(), p.getRegistrationDecision(), p.getRegistrationComment(),
        p.getProposers(), at(p.getDraftedAt()), at(p.getAssignedAt()), at(p.getReplyDueAt()), at(p.getFirstRepliedAt()),
        at(p.getClosedAt()));
  }

  private ReplyClassScheme scheme() {
    return rules.current().data(ReplyClassScheme.class);
  }

  private String unitName(String code) {
    return rules.current().data(Departments.class).name(code).orElse(code);
  }

  private static OffsetDateTime at(Instant instant) {
    return instant == null ? null : ChinaTime.of(instant);
  }
}
