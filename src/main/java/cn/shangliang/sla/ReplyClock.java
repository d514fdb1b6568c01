package cn.shangliang.sla;

import cn.shangliang.system.RecordEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.Period;
import java.util.Optional;

/** The clock of one reply a department owes: due date, 75 % reminder, supervision and key-supervision dates. */
@Entity
@Table(name = "reply_clock")
public class ReplyClock extends RecordEntity {
  @Column(name = "demand_id")
  private Long demandId;
  @Column(name = "tracking_code")
  private String trackingCode;
  private String department;
  @Column(name = "started_at")
  private Instant startedAt;
  @Column(name = "due_at")
  private Instant dueAt;
  @Column(name = "due_from")
  private Instant dueFrom;
  @Column(name = "due_working_days")
  private Integer dueWorkingDays;
  @Column(name = "due_period")
  private String duePeriod;
  @Column(name = "reminder_at")
  private Instant reminderAt;
  @Column(name = "supervision_due_at")
  private Instant supervisionDueAt;
  @Column(name = "key_supervision_due_at")
  private Instant keySupervisionDueAt;
  @Column(name = "reminded_at")
  private Instant remindedAt;
  @Column(name = "first_replied_at")
  private Instant firstRepliedAt;
  @Column(name = "accepted_at")
  private Instant acceptedAt;
  private Boolean resolved;

  protected ReplyClock() {}

  ReplyClock(Long demandId, String trackingCode, String department, Instant startedAt, Instant dueAt, Instant reminderAt,
      Instant supervisionDueAt, Instant keySupervisionDueAt) {
    this.demandId = demandId;
    this.trackingCode = trackingCode;
    this.department = department;
    this.startedAt = startedAt;
    this.dueAt = dueAt;
    this.reminderAt = reminderAt;
    this.supervisionDueAt = supervisionDueAt;
    this.keySupervisionDueAt = keySupervisionDueAt;
  }

  void countedFrom(DeadlineBasis basis) {
    this.dueFrom = basis.from();
    this.dueWorkingDays = basis.workingDays();
    this.duePeriod = basis.period() == null ? null : basis.period().toString();
  }

  /** The clock's dates counted again on a new calendar (issue #20). */
  void retime(ClockDates dates) {
    this.dueAt = dates.due();
    this.reminderAt = dates.reminder();
    this.supervisionDueAt = dates.supervision();
    this.keySupervisionDueAt = dates.keySupervision();
  }

  ClockDates dates() {
    return new ClockDates(dueAt, reminderAt, supervisionDueAt, keySupervisionDueAt);
  }

  /** How the due date was counted, when it was counted on the calendar (working days or a period). */
  public Optional<DeadlineBasis> basis() {
    if (dueFrom == null) return Optional.empty();
    if (dueWorkingDays != null) return Optional.of(new DeadlineBasis(dueFrom, dueWorkingDays));
    return duePeriod == null ? Optional.empty() : Optional.of(DeadlineBasis.period(dueFrom, Period.parse(duePeriod)));
  }

  void reminded(Instant at) { this.remindedAt = at; }
  void replied(Instant at) { if (firstRepliedAt == null) firstRepliedAt = at; }
  void accepted(Instant at, boolean resolved) { this.acceptedAt = at; this.resolved = resolved; }

  public Long getDemandId() { return demandId; }
  public String getTrackingCode() { return trackingCode; }
  public String getDepartment() { return department; }
  public Instant getStartedAt() { return startedAt; }
  public Instant getDueAt() { return dueAt; }
  public Instant getReminderAt() { return reminderAt; }
  public Instant getSupervisionDueAt() { return supervisionDueAt; }
  public Instant getKeySupervisionDueAt() { return keySupervisionDueAt; }
  public Instant getRemindedAt() { return remindedAt; }
  public Instant getFirstRepliedAt() { return firstRepliedAt; }
  public Instant getAcceptedAt() { return acceptedAt; }
  public Boolean getResolved() { return resolved; }
}
