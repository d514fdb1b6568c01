package cn.shangliang.handling;

import cn.shangliang.system.RecordEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;

/** 答复: one reply of a department; a reply returned by the liaison office stays, the next one is a new row. */
@Entity
@Table(name = "department_reply")
public class DepartmentReply extends RecordEntity {
  @Column(name = "demand_id")
  private Long demandId;
  private String department;
  @Column(name = "reply_text")
  private String replyText;
  @Column(name = "replied_by")
  private String repliedBy;
  @Column(name = "replied_at")
  private Instant repliedAt;
  @Column(name = "due_at")
  private Instant dueAt;
  @Column(name = "review_result")
  private String reviewResult;
  @Column(name = "review_comment")
  private String reviewComment;
  @Column(name = "reviewed_by")
  private String reviewedBy;
  @Column(name = "reviewed_at")
  private Instant reviewedAt;

  protected DepartmentReply() {}

  DepartmentReply(Long demandId, String department, String replyText, Instant dueAt, Instant at, String by) {
    this.demandId = demandId;
    this.department = department;
    this.replyText = replyText;
    this.dueAt = dueAt;
    this.repliedAt = at;
    this.repliedBy = by;
  }

  void review(ReviewResult result, String comment, Instant at, String by) {
    this.reviewResult = result.name();
    this.reviewComment = comment;
    this.reviewedAt = at;
    this.reviewedBy = by;
  }

  public boolean late() {
    return dueAt != null && repliedAt.isAfter(dueAt);
  }

  public Long getDemandId() { return demandId; }
  public String getDepartment() { return department; }
  public String getReplyText() { return replyText; }
  public String getRepliedBy() { return repliedBy; }
  public Instant getRepliedAt() { return repliedAt; }
  public Instant getDueAt() { return dueAt; }
  public String getReviewResult() { return reviewResult; }
  public String getReviewComment() { return reviewComment; }
  public String getReviewedBy() { return reviewedBy; }
  public Instant getReviewedAt() { return reviewedAt; }
}
