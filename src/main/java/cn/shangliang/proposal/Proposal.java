package cn.shangliang.proposal;

import cn.shangliang.system.RecordEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;

/** 提案: drafted from a matter by the liaison office, then reviewed for registration (立案). */
@Entity
@Table(name = "proposal")
public class Proposal extends RecordEntity {
  @Column(name = "demand_id")
  private Long demandId;
  private String title;
  private String reasons;
  private String suggestions;
  private String proposers;
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

  protected Proposal() {}

  Proposal(Long demandId, String title, String reasons, String suggestions, String proposers, Instant at, String by) {
    this.demandId = demandId;
    this.title = title;
    this.reasons = reasons;
    this.suggestions = suggestions;
    this.proposers = proposers;
    this.draftedAt = at;
    this.draftedBy = by;
  }

  void review(RegistrationDecision decision, String comment, Instant at, String by) {
    this.registrationDecision = decision.name();
    this.registrationComment = comment;
    this.reviewedAt = at;
    this.reviewedBy = by;
  }

  public Long getDemandId() { return demandId; }
  public String getTitle() { return title; }
  public String getReasons() { return reasons; }
  public String getSuggestions() { return suggestions; }
  public String getProposers() { return proposers; }
  public String getRegistrationDecision() { return registrationDecision; }
  public String getRegistrationComment() { return registrationComment; }
}
