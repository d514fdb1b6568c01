package cn.shangliang.handling;

import cn.shangliang.system.RecordEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;

/** 协办意见: what a co-handling department contributes to the lead department's reply. */
@Entity
@Table(name = "co_handler_opinion")
public class CoHandlerOpinion extends RecordEntity {
  @Column(name = "demand_id")
  private Long demandId;
  private String department;
  private String opinion;
  @Column(name = "given_by")
  private String givenBy;
  @Column(name = "given_at")
  private Instant givenAt;

  protected CoHandlerOpinion() {}

  CoHandlerOpinion(Long demandId, String department, String opinion, String givenBy, Instant givenAt) {
    this.demandId = demandId;
    this.department = department;
    this.opinion = opinion;
    this.givenBy = givenBy;
    this.givenAt = givenAt;
  }

  public Long getDemandId() { return demandId; }
  public String getDepartment() { return department; }
  public String getOpinion() { return opinion; }
  public String getGivenBy() { return givenBy; }
  public Instant getGivenAt() { return givenAt; }
}
