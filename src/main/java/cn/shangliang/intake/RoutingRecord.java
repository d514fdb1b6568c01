package cn.shangliang.intake;

import cn.shangliang.calendar.WorkingCalendar;
import cn.shangliang.routing.ClockKind;
import cn.shangliang.routing.Route;
import cn.shangliang.routing.RouteResult;
import cn.shangliang.system.RecordEntity;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** 分流结果: what the routing rules decided for a demand, at which step, with which rule version. */
@Entity
@Table(name = "routing_decision")
public class RoutingRecord extends RecordEntity {

  /** The step of the six that asked for the route. */
  public enum Stage { TRIAGE, HANDLING }

  @Embeddable
  public static class ReasonRow {
    @Column(name = "rule_id")
    private String rule;
    private String message;

    protected ReasonRow() {}

    ReasonRow(String rule, String message) {
      this.rule = rule;
      this.message = message;
    }
  }

  @Column(name = "demand_id", nullable = false)
  private Long demandId;
  @Enumerated(EnumType.STRING)
  private Stage stage;
  @Enumerated(EnumType.STRING)
  private Route route;
  @Column(name = "lead_department")
  private String leadDepartment;
  @Column(name = "co_departments")
  private String coDepartments;
  private Instant deadline;
  @Column(name = "evaluated_at")
  private Instant evaluatedAt;
  @Column(name = "repeat_count")
  private int repeatCount;
  @Column(name = "rules_checksum")
  private String rulesChecksum;
  @Enumerated(EnumType.STRING)
  @Column(name = "clock_kind")
  private ClockKind clockKind;
  @Column(name = "investigate_first")
  private Boolean investigateFirst;
  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "routing_reason", joinColumns = @JoinColumn(name = "decision_id"))
  @OrderColumn(name = "position")
  private List<ReasonRow> reasons = new ArrayList<>();

  protected RoutingRecord() {}

  RoutingRecord(Long demandId, Stage stage, RouteResult result, Instant evaluatedAt, int repeatCount, String rulesChecksum) {
    this.demandId = demandId;
    this.stage = stage;
    this.route = result.route();
    this.leadDepartment = result.leadDepartment();
    this.coDepartments = result.coDepartments().isEmpty() ? null : String.join(",", result.coDepartments());
    this.deadline = result.deadline() == null ? null : result.deadline().toInstant();
    this.evaluatedAt = evaluatedAt;
    this.repeatCount = repeatCount;
    this.rulesChecksum = rulesChecksum;
    this.clockKind = result.clockKind();
    this.investigateFirst = result.investigateFirst();
    result.reasons().forEach(r -> reasons.add(new ReasonRow(r.rule(), r.message())));
  }

  /** The decision as shown now: provisional while its deadline's year has no notice in the calendar in force. */
  public RouteResult toResult(WorkingCalendar calendar) {
    OffsetDateTime due = deadline == null ? null : deadline.atZone(calendar.zone()).toOffsetDateTime();
    List<String> co = coDepartments == null ? List.of() : Arrays.asList(coDepartments.split(","));
    return new RouteResult(route, leadDepartment, co, due, calendar.isProvisional(due),
        reasons.stream().map(r -> new RouteResult.Reason(r.rule, r.message)).toList(), clockKind, investigateFirst);
  }

  public Long getDemandId() { return demandId; }
  public Stage getStage() { return stage; }
  public Route getRoute() { return route; }
  public String getLeadDepartment() { return leadDepartment; }
  public Instant getDeadline() { return deadline; }
  public Instant getEvaluatedAt() { return evaluatedAt; }
  public int getRepeatCount() { return repeatCount; }
  public String getRulesChecksum() { return rulesChecksum; }
}
