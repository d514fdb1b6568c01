package cn.shangliang.publicity;

import cn.shangliang.system.RecordEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;

/** 异议 to a publicity notice: raised by anyone during publicity, decided by the liaison office. */
@Entity
@Table(name = "publicity_objection")
public class Objection extends RecordEntity {
  /** Where an objection stands. */
  public enum Status {
    PENDING("待处理"),
    UPHELD("异议成立，转二次办理"),
    DISMISSED("异议不成立"),
    SUPERSEDED("已随二次办理一并处理");

    private final String label;

    Status(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  @Column(name = "notice_id")
  private Long noticeId;
  @Column(name = "demand_id")
  private Long demandId;
  private String reason;
  @Column(name = "submitted_at")
  private Instant submittedAt;
  @Enumerated(EnumType.STRING)
  private Status status;
  private String answer;
  @Column(name = "decided_by")
  private String decidedBy;
  @Column(name = "decided_at")
  private Instant decidedAt;

  protected Objection() {}

  Objection(Long noticeId, Long demandId, String reason, Instant submittedAt) {
    this.noticeId = noticeId;
    this.demandId = demandId;
    this.reason = reason;
    this.submittedAt = submittedAt;
    this.status = Status.PENDING;
  }

  void decide(Status status, String answer, String by, Instant at) {
    this.status = status;
    this.answer = answer;
    this.decidedBy = by;
    this.decidedAt = at;
  }

  public Long getNoticeId() { return noticeId; }
  public Long getDemandId() { return demandId; }
  public String getReason() { return reason; }
  public Instant getSubmittedAt() { return submittedAt; }
  public Status getStatus() { return status; }
  public String getAnswer() { return answer; }
  public String getDecidedBy() { return decidedBy; }
  public Instant getDecidedAt() { return decidedAt; }
}
