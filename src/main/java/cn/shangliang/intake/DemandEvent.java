package cn.shangliang.intake;

import cn.shangliang.system.RecordEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;

/** One line of a demand's audit trail: who did what, when. */
@Entity
@Table(name = "demand_event")
public class DemandEvent extends RecordEntity {
  @Column(name = "demand_id", nullable = false)
  private Long demandId;
  @Column(name = "occurred_at", nullable = false)
  private Instant occurredAt;
  private String actor;
  private String kind;
  private String detail;

  protected DemandEvent() {}

  public DemandEvent(Long demandId, Instant occurredAt, String actor, String kind, String detail) {
    this.demandId = demandId;
    this.occurredAt = occurredAt;
    this.actor = actor;
    this.kind = kind;
    this.detail = detail == null || detail.length() <= 2000 ? detail : detail.substring(0, 2000);
  }

  public Long getDemandId() { return demandId; }
  public Instant getOccurredAt() { return occurredAt; }
  public String getActor() { return actor; }
  public String getKind() { return kind; }
  public String getDetail() { return detail; }
}
