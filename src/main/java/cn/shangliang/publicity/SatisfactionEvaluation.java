package cn.shangliang.publicity;

import cn.shangliang.system.RecordEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * 满意度回访: one per demand of a matter (the merged duplicates each have their own) and handling round.
 * No answer within the window stays "no answer" — never counted as satisfied.
 */
@Entity
@Table(name = "satisfaction_evaluation")
public class SatisfactionEvaluation extends RecordEntity {
  /** The public's rating (API.md: SATISFIED | BASICALLY_SATISFIED | UNSATISFIED). */
  public enum Rating {
    SATISFIED("满意"),
    BASICALLY_SATISFIED("基本满意"),
    UNSATISFIED("不满意");

    private final String label;

    Rating(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /** Who spoke for the submitter: the submitter with the access code, or staff who called them back. */
  public enum Channel {
    PUBLIC("群众凭查询码评价"),
    PHONE_CALLBACK("电话回访");

    private final String label;

    Channel(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /** Where an evaluation stands. */
  public enum Status {
    PENDING("待评价"),
    ANSWERED("已评价"),
    NO_ANSWER("未评价");

    private final String label;

    Status(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  @Column(name = "matter_id")
  private Long matterId;
  @Column(name = "demand_id")
  private Long demandId;
  @Column(name = "handling_round")
  private int round;
  @Column(name = "lead_department")
  private String leadDepartment;
  @Enumerated(EnumType.STRING)
  private Status status;
  @Enumerated(EnumType.STRING)
  private Rating rating;
  @Column(name = "comment_text")
  private String comment;
  @Column(name = "requested_at")
  private Instant requestedAt;
  @Column(name = "due_at")
  private Instant dueAt;
  @Column(name = "answered_at")
  private Instant answeredAt;
  @Enumerated(EnumType.STRING)
  private Channel channel;
  /** The staff member who recorded a phone callback; null when the submitter answered. */
  @Column(name = "recorded_by")
  private String recordedBy;

  protected SatisfactionEvaluation() {}

  SatisfactionEvaluation(Long matterId, Long demandId, int round, String leadDepartment, Instant requestedAt, Instant dueAt) {
    this.matterId = matterId;
    this.demandId = demandId;
    this.round = round;
    this.leadDepartment = leadDepartment;
    this.requestedAt = requestedAt;
    this.dueAt = dueAt;
    this.status = Status.PENDING;
  }

  void answer(Rating rating, String comment, Instant at, Channel channel, String recordedBy) {
    this.channel = channel;
    this.recordedBy = recordedBy;
    this.rating = rating;
    this.comment = comment;
    this.answeredAt = at;
    this.status = Status.ANSWERED;
  }

  void noAnswer() {
    this.status = Status.NO_ANSWER;
  }

  public Long getMatterId() { return matterId; }
  public Long getDemandId() { return demandId; }
  public int getRound() { return round; }
  public String getLeadDepartment() { return leadDepartment; }
  public Status getStatus() { return status; }
  public Rating getRating() { return rating; }
  public String getComment() { return comment; }
  public Instant getRequestedAt() { return requestedAt; }
  public Instant getDueAt() { return dueAt; }
  public Instant getAnsweredAt() { return answeredAt; }
  public Channel getChannel() { return channel; }
  public String getRecordedBy() { return recordedBy; }
}
