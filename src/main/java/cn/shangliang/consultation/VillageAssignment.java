package cn.shangliang.consultation;

import cn.shangliang.system.RecordEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;

/** 划片包村: the CPPCC member responsible for a village investigates its matters. */
@Entity
@Table(name = "village_assignment")
public class VillageAssignment extends RecordEntity {
  private String township;
  private String village;
  @Column(name = "member_user_id")
  private String memberUserId;
  @Column(name = "assigned_at")
  private Instant assignedAt;
  @Column(name = "assigned_by")
  private String assignedBy;

  protected VillageAssignment() {}

  VillageAssignment(String township, String village, String memberUserId, Instant assignedAt, String assignedBy) {
    this.township = township;
    this.village = village;
    reassign(memberUserId, assignedAt, assignedBy);
  }

  void reassign(String memberUserId, Instant at, String by) {
    this.memberUserId = memberUserId;
    this.assignedAt = at;
    this.assignedBy = by;
  }

  public String getTownship() { return township; }
  public String getVillage() { return village; }
  public String getMemberUserId() { return memberUserId; }
  public Instant getAssignedAt() { return assignedAt; }
  public String getAssignedBy() { return assignedBy; }
}
