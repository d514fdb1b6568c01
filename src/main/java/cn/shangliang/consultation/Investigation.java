package cn.shangliang.consultation;

import cn.shangliang.system.RecordEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;

/** 深入调查明事: what the member found. The investigated facts also update the demand for the handling rules. */
@Entity
@Table(name = "investigation")
public class Investigation extends RecordEntity {
  @Column(name = "demand_id")
  private Long demandId;
  private String findings;
  private String stakeholders;
  @Column(name = "affected_people")
  private int affectedPeople;
  @Column(name = "recorded_at")
  private Instant recordedAt;
  @Column(name = "recorded_by")
  private String recordedBy;

  protected Investigation() {}

  Investigation(Long demandId, String findings, String stakeholders, int affectedPeople, Instant at, String by) {
    this.demandId = demandId;
    this.findings = findings;
    this.stakeholders = stakeholders;
    this.affectedPeople = affectedPeople;
    this.recordedAt = at;
    this.recordedBy = by;
  }

  public Long getDemandId() { return demandId; }
  public String getFindings() { return findings; }
  public String getStakeholders() { return stakeholders; }
  public int getAffectedPeople() { return affectedPeople; }
  public Instant getRecordedAt() { return recordedAt; }
  public String getRecordedBy() { return recordedBy; }
}
