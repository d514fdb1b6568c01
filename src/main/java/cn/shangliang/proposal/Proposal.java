package cn.shangliang.proposal;

import cn.shangliang.routing.Category;
import cn.shangliang.system.RecordEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * 提案: drafted from a matter, reviewed for registration (立案), assigned to a lead unit (and co-units),
 * replied with a class, evaluated by the proposer and, while its class calls for it, reviewed again (回头看).
 */
@Entity
@Table(name = "proposal")
public class Proposal extends RecordEntity {
  @Column(name = "demand_id")
  private Long demandId;
  @Column(name = "tracking_code")
  private String trackingCode;
  @Column(name = "proposal_number")
  private String number;
  @Enumerated(EnumType.STRING)
  private ProposalStatus status;
  private String title;
  private String reasons;
  private String suggestions;
  private String proposers;
  @Column(name = "proposer_ids")
  private String proposerIds;
  @Enumerated(EnumType.STRING)
  private Category category;
  @Column(name = "affected_people")
  private int affectedPeople;
  @Column(name = "drafted_by")
  private String draftedBy;
  @Column(name = "drafted_at")
  private Instant draftedAt;
  @Column(name = "registration_decision")
  private String registrationDecision;
  @Column(name = "registration_comment")
  private String registrationComment;
  @Column(name = "reviewed_by")
  private String reviewedBy;
  @Column(name = "reviewed_at")
  private Instant reviewedAt;
  @Column(name = "merged_into_id")
  private Long mergedIntoId;
  @Column(name = "lead_unit")
  private String leadUnit;
  @Column(name = "co_units")
  private String coUnits;
  @Column(name = "assigned_at")
  private Instant assignedAt;
  @Column(name = "reply_due_at")
  private Instant replyDueAt;
  @Column(name = "first_replied_at")
  private Instant firstRepliedAt;
  @Column(name = "reply_class")
  private String replyClass;
  @Enumerated(EnumType.STRING)
  private EvaluationResult evaluation;
  @Column(name = "closed_at")
  private Instant closedAt;

  protected Proposal() {}

  Proposal(Long demandId, String trackingCode, Category category, int affectedPeople, String title, String reasons,
      String suggestions, String proposers, String proposerIds, Instant at, String by) {
    this.demandId = demandId;
    this.trackingCode = trackingCode;
    this.category = category;
    this.affectedPeople = affectedPeople;
    this.title = title;
    this.reasons = reasons;
    this.suggestions = suggestions;
    this.proposers = proposers;
    this.proposerIds = proposerIds;
    this.draftedAt = at;
    this.draftedBy = by;
    this.status = ProposalStatus.REGISTRATION_REVIEW;
  }

  void review(RegistrationDecision decision, String comment, Instant at, String by) {
    this.registrationDecision = decision.name();
    this.registrationComment = comment;
    this.reviewedAt = at;
    this.reviewedBy = by;
  }

  void register(String number) {
    this.number = number;
    this.status = ProposalStatus.ASSIGNING;
  }

  void mergeInto(Proposal target) {
    this.mergedIntoId = target.getId();
    this.status = ProposalStatus.MERGED;
    this.closedAt = reviewedAt;
  }

  void forwarded() {
    this.status = ProposalStatus.FORWARDED;
    this.closedAt = reviewedAt;
  }

  void assign(String leadUnit, String coUnits, Instant at, Instant replyDueAt) {
    this.leadUnit = leadUnit;
    this.coUnits = coUnits;
    this.assignedAt = at;
    this.replyDueAt = replyDueAt;
    this.status = ProposalStatus.HANDLING;
  }

  void replyDueMoved(Instant dueAt) {
    this.replyDueAt = dueAt;
  }

  void reHandling(Instant dueAt) {
    this.replyDueAt = dueAt;
    this.status = ProposalStatus.RE_HANDLING;
  }

  void replied(String replyClass, Instant at) {
    if (firstRepliedAt == null) firstRepliedAt = at;
    this.replyClass = replyClass;
    this.status = ProposalStatus.EVALUATING;
  }

  void reclassified(String replyClass) {
    this.replyClass = replyClass;
    this.status = ProposalStatus.EVALUATING;
  }

  void evaluated(EvaluationResult result) {
    this.evaluation = result;
  }

  void status(ProposalStatus status, Instant at) {
    this.status = status;
    this.closedAt = status == ProposalStatus.CLOSED ? at : null;
  }

  /** The number once registered, e.g. 2026-007; before that the tracking code of the matter. */
  public String reference() {
    return number != null ? "第" + number + "号" : trackingCode;
  }

  public Long getDemandId() { return demandId; }
  public String getTrackingCode() { return trackingCode; }
  public String getNumber() { return number; }
  public ProposalStatus getStatus() { return status; }
  public String getTitle() { return title; }
  public String getReasons() { return reasons; }
  public String getSuggestions() { return suggestions; }
  public String getProposers() { return proposers; }
  public String getProposerIds() { return proposerIds; }
  public Category getCategory() { return category; }
  public int getAffectedPeople() { return affectedPeople; }
  public String getDraftedBy() { return draftedBy; }
  public Instant getDraftedAt() { return draftedAt; }
  public String getRegistrationDecision() { return registrationDecision; }
  public String getRegistrationComment() { return registrationComment; }
  public String getReviewedBy() { return reviewedBy; }
  public Instant getReviewedAt() { return reviewedAt; }
  public Long getMergedIntoId() { return mergedIntoId; }
  public String getLeadUnit() { return leadUnit; }
  public String getCoUnits() { return coUnits; }
  public Instant getAssignedAt() { return assignedAt; }
  public Instant getReplyDueAt() { return replyDueAt; }
  public Instant getFirstRepliedAt() { return firstRepliedAt; }
  public String getReplyClass() { return replyClass; }
  public EvaluationResult getEvaluation() { return evaluation; }
  public Instant getClosedAt() { return closedAt; }
}
