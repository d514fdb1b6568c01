package cn.shangliang.sla;

import cn.shangliang.system.RecordEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;

/** 超期: a reply not given by its deadline. Level 1 → supervisors (督办), level 2 → leadership (重点督办). */
@Entity
@Table(name = "sla_breach")
public class SlaBreach extends RecordEntity {
  @Column(name = "clock_id")
  private Long clockId;
  @Column(name = "demand_id")
  private Long demandId;
  @Column(name = "tracking_code")
  private String trackingCode;
  private String department;
  private String task;
  @Column(name = "due_at")
  private Instant dueAt;
  @Column(name = "breached_at")
  private Instant breachedAt;
  private int level;
  @Column(name = "escalated_at")
  private Instant escalatedAt;
  @Column(name = "closed_at")
  private Instant closedAt;
  @Column(name = "supervision_action")
  private String supervisionAction;
  @Column(name = "supervision_note")
  private String supervisionNote;
  @Column(name = "supervised_by")
  private String supervisedBy;
  @Column(name = "supervised_at")
  private Instant supervisedAt;

  protected SlaBreach() {}

  SlaBreach(ReplyClock clock, String task, Instant breachedAt) {
    this.clockId = clock.getId();
    this.demandId = clock.getDemandId();
    this.trackingCode = clock.getTrackingCode();
    this.department = clock.getDepartment();
    this.task = task;
    this.dueAt = clock.getDueAt();
    this.breachedAt = breachedAt;
    this.level = 1;
  }

  void escalate(Instant at) { this.level = 2; this.escalatedAt = at; }
  void close(Instant at) { this.closedAt = at; }
  void supervised(String action, String note, String by, Instant at) {
    this.supervisionAction = action;
    this.supervisionNote = note;
    this.supervisedBy = by;
    this.supervisedAt = at;
  }

  public Long getClockId() { return clockId; }
  public Long getDemandId() { return demandId; }
  public String getTrackingCode() { return trackingCode; }
  public String getDepartment() { return department; }
  public String getTask() { return task; }
  public Instant getDueAt() { return dueAt; }
  public Instant getBreachedAt() { return breachedAt; }
  public int getLevel() { return level; }
  public Instant getEscalatedAt() { return escalatedAt; }
  public Instant getClosedAt() { return closedAt; }
  public String getSupervisionAction() { return supervisionAction; }
  public String getSupervisionNote() { return supervisionNote; }
  public String getSupervisedBy() { return supervisedBy; }
  public Instant getSupervisedAt() { return supervisedAt; }
}
