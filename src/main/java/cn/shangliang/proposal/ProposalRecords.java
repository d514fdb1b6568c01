package cn.shangliang.proposal;

import cn.shangliang.system.RecordEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/** The records of a proposal's handling, each a row of its own (the proposal keeps only where it stands). */
final class ProposalRecords {
  private ProposalRecords() {}

  /** A matter the proposal gathers: the one it was drafted from, or one merged into it. */
  @Entity(name = "ProposalMatter")
  @Table(name = "proposal_matter")
  static class Matter extends RecordEntity {
    @Column(name = "proposal_id")
    Long proposalId;
    @Column(name = "demand_id")
    Long demandId;
    @Column(name = "linked_at")
    Instant linkedAt;
    String how;

    protected Matter() {}

    Matter(Long proposalId, Long demandId, Instant linkedAt, String how) {
      this.proposalId = proposalId;
      this.demandId = demandId;
      this.linkedAt = linkedAt;
      this.how = how;
    }
  }

  /** 沟通协商: the unit's contact with the proposer before replying. */
  @Entity(name = "ProposalContact")
  @Table(name = "proposal_contact")
  static class Contact extends RecordEntity {
    @Column(name = "proposal_id")
    Long proposalId;
    @Column(name = "handling_round")
    int round;
    String unit;
    @Enumerated(EnumType.STRING)
    @Column(name = "contact_way")
    ContactWay way;
    @Column(name = "contacted_on")
    LocalDate contactedOn;
    @Column(name = "proposer_view")
    String proposerView;
    @Column(name = "recorded_by")
    String recordedBy;
    @Column(name = "recorded_at")
    Instant recordedAt;

    protected Contact() {}

    Contact(Long proposalId, int round, String unit, ContactWay way, LocalDate contactedOn, String proposerView,
        String recordedBy, Instant recordedAt) {
      this.proposalId = proposalId;
      this.round = round;
      this.unit = unit;
      this.way = way;
      this.contactedOn = contactedOn;
      this.proposerView = proposerView;
      this.recordedBy = recordedBy;
      this.recordedAt = recordedAt;
    }
  }

  /** 答复 with its class. */
  @Entity(name = "ProposalReply")
  @Table(name = "proposal_reply")
  static class Reply extends RecordEntity {
    @Column(name = "proposal_id")
    Long proposalId;
    @Enumerated(EnumType.STRING)
    ReplyKind kind;
    @Column(name = "handling_round")
    int round;
    String unit;
    @Column(name = "reply_class")
    String replyClass;
    @Column(name = "reply_text")
    String text;
    @Column(name = "due_at")
    Instant dueAt;
    @Column(name = "replied_by")
    String repliedBy;
    @Column(name = "replied_at")
    Instant repliedAt;
    @Column(name = "clock_id")
    Long clockId;

    protected Reply() {}

    Reply(Long proposalId, ReplyKind kind, int round, String unit, String replyClass, String text, Instant dueAt,
        String repliedBy, Instant repliedAt, Long clockId) {
      this.proposalId = proposalId;
      this.kind = kind;
      this.round = round;
      this.unit = unit;
      this.replyClass = replyClass;
      this.text = text;
      this.dueAt = dueAt;
      this.repliedBy = repliedBy;
      this.repliedAt = repliedAt;
      this.clockId = clockId;
    }
  }

  /** 提案者评价; {@code defaulted} when the window passed without one (counted as 满意). */
  @Entity(name = "ProposalEvaluation")
  @Table(name = "proposal_evaluation")
  static class Evaluation extends RecordEntity {
    @Column(name = "proposal_id")
    Long proposalId;
    @Column(name = "reply_id")
    Long replyId;
    @Enumerated(EnumType.STRING)
    EvaluationResult result;
    @Column(name = "comment_text")
    String comment;
    boolean defaulted;
    @Column(name = "evaluated_by")
    String evaluatedBy;
    @Column(name = "evaluated_at")
    Instant evaluatedAt;

    protected Evaluation() {}

    Evaluation(Long proposalId, Long replyId, EvaluationResult result, String comment, boolean defaulted,
        String evaluatedBy, Instant evaluatedAt) {
      this.proposalId = proposalId;
      this.replyId = replyId;
      this.result = result;
      this.comment = comment;
      this.defaulted = defaulted;
      this.evaluatedBy = evaluatedBy;
      this.evaluatedAt = evaluatedAt;
    }
  }

  /** 回头看: one review round of a proposal whose class calls for follow-up. */
  @Entity(name = "FollowUpReview")
  @Table(name = "follow_up_review")
  static class Review extends RecordEntity {
    @Column(name = "proposal_id")
    Long proposalId;
    @Column(name = "review_round")
    int round;
    @Column(name = "class_before")
    String classBefore;
    @Column(name = "started_at")
    Instant startedAt;
    @Column(name = "progress_report")
    String progressReport;
    @Column(name = "proposed_class")
    String proposedClass;
    @Column(name = "self_checked_by")
    String selfCheckedBy;
    @Column(name = "self_checked_at")
    Instant selfCheckedAt;
    @Column(name = "key_supervision")
    Boolean keySupervision;
    @Column(name = "selection_reasons")
    String selectionReasons;
    @Column(name = "inspection_findings")
    String inspectionFindings;
    @Column(name = "inspected_class")
    String inspectedClass;
    @Column(name = "inspected_by")
    String inspectedBy;
    @Column(name = "inspected_at")
    Instant inspectedAt;
    String causes;
    @Column(name = "cause_reviewed_by")
    String causeReviewedBy;
    @Column(name = "cause_reviewed_at")
    Instant causeReviewedAt;
    @Column(name = "second_handling_due_at")
    Instant secondHandlingDueAt;
    @Column(name = "class_after")
    String classAfter;
    @Column(name = "closed_at")
    Instant closedAt;

    protected Review() {}

    Review(Long proposalId, int round, String classBefore, Instant startedAt) {
      this.proposalId = proposalId;
      this.round = round;
      this.classBefore = classBefore;
      this.startedAt = startedAt;
    }
  }

  /** 社情民意: forwarded instead of registering the proposal. */
  @Entity(name = "SocialOpinionReport")
  @Table(name = "social_opinion_report")
  static class SocialOpinionReport extends RecordEntity {
    @Column(name = "proposal_id")
    Long proposalId;
    @Column(name = "demand_id")
    Long demandId;
    String title;
    String content;
    String reasons;
    @Column(name = "forwarded_by")
    String forwardedBy;
    @Column(name = "forwarded_at")
    Instant forwardedAt;

    protected SocialOpinionReport() {}

    SocialOpinionReport(Long proposalId, Long demandId, String title, String content, String reasons, String forwardedBy,
        Instant forwardedAt) {
      this.proposalId = proposalId;
      this.demandId = demandId;
      this.title = title;
      this.content = content;
      this.reasons = reasons;
      this.forwardedBy = forwardedBy;
      this.forwardedAt = forwardedAt;
    }
  }
}
