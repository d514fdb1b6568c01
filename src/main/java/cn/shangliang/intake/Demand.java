package cn.shangliang.intake;

import cn.shangliang.routing.Category;
import cn.shangliang.routing.Scope;
import cn.shangliang.routing.Urgency;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;
import jakarta.persistence.TableGenerator;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;

/** 诉求: one citizen's demand as registered, with the facts the routing rules read. */
@Entity
@Table(name = "demand")
public class Demand {
  @Id
  @GeneratedValue(strategy = GenerationType.TABLE, generator = "demand_ids")
  @TableGenerator(name = "demand_ids", table = "sl_sequence", pkColumnName = "seq_name", valueColumnName = "next_val",
      pkColumnValue = "demand", allocationSize = 20)
  private Long id;

  @Column(name = "tracking_code")
  private String trackingCode;
  @Column(name = "idempotency_key", updatable = false)
  private String idempotencyKey;
  @Column(name = "external_id", updatable = false)
  private String externalId;
  @Enumerated(EnumType.STRING)
  private Channel channel;
  private String title;
  private String description;
  @Enumerated(EnumType.STRING)
  private Category category;
  @Enumerated(EnumType.STRING)
  private Scope scope;
  @Enumerated(EnumType.STRING)
  private Urgency urgency;
  private String township;
  private String village;
  private Double latitude;
  private Double longitude;
  @Column(name = "submitter_name")
  private String submitterName;
  @Column(name = "submitter_phone")
  private String submitterPhone;
  /** HMAC of the 查询码 (see AccessCodes); never shown, never exported. */
  @Column(name = "access_code_hash")
  private String accessCodeHash;
  @Column(name = "access_code_issued_at")
  private Instant accessCodeIssuedAt;
  @Column(name = "collecting_member")
  private String collectingMember;
  @Column(name = "answerable_on_site")
  private boolean answerableOnSite;
  @Column(name = "needs_policy_change")
  private boolean needsPolicyChange;
  @Column(name = "estimated_cost_yuan")
  private BigDecimal estimatedCostYuan;
  @Column(name = "departments_involved")
  private int departmentsInvolved = 1;
  @Column(name = "co_departments")
  private String coDepartments;
  @Column(name = "affected_people")
  private int affectedPeople;
  @Column(name = "merged_into_id")
  private Long mergedIntoId;
  @Enumerated(EnumType.STRING)
  private DemandStatus status = DemandStatus.COLLECTED;
  @Column(name = "process_instance_id")
  private String processInstanceId;
  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;
  @Column(name = "created_by", nullable = false, updatable = false)
  private String createdBy;
  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;
  @Version
  private long version;

  protected Demand() {}

  public Demand(Instant createdAt, String createdBy) {
    this.createdAt = createdAt;
    this.updatedAt = createdAt;
    this.createdBy = createdBy;
  }

  /**
   * The tracking code is made from the id once persist() has assigned it (the insert happens at flush,
   * with the code): SL-<year>-<6 digits>.
   */
  void assignTrackingCode() {
    if (id == null) throw new IllegalStateException("persist the demand first");
    if (trackingCode == null) {
      trackingCode = TrackingCodes.format(createdAt.atZone(ZoneId.of("Asia/Shanghai")).getYear(), id);
    }
  }

  void setAccessCode(String hash, Instant issuedAt) {
    this.accessCodeHash = hash;
    this.accessCodeIssuedAt = issuedAt;
  }

  String getAccessCodeHash() { return accessCodeHash; }

  public Instant getAccessCodeIssuedAt() { return accessCodeIssuedAt; }

  @PreUpdate
  void touch() {
    updatedAt = Instant.now();
  }

  public List<String> coDepartmentList() {
    return coDepartments == null || coDepartments.isBlank() ? List.of() : Arrays.asList(coDepartments.split(","));
  }

  public Long getId() { return id; }
  public String getTrackingCode() { return trackingCode; }
  public String getIdempotencyKey() { return idempotencyKey; }
  public void setIdempotencyKey(String idempotencyKey) { this.idempotencyKey = idempotencyKey; }
  public String getExternalId() { return externalId; }
  public void setExternalId(String externalId) { this.externalId = externalId; }
  public Channel getChannel() { return channel; }
  public void setChannel(Channel channel) { this.channel = channel; }
  public String getTitle() { return title; }
  public void setTitle(String title) { this.title = title; }
  public String getDescription() { return description; }
  public void setDescription(String description) { this.description = description; }
  public Category getCategory() { return category; }
  public void setCategory(Category category) { this.category = category; }
  public Scope getScope() { return scope; }
  public void setScope(Scope scope) { this.scope = scope; }
  public Urgency getUrgency() { return urgency; }
  public void setUrgency(Urgency urgency) { this.urgency = urgency; }
  public String getTownship() { return township; }
  public void setTownship(String township) { this.township = township; }
  public String getVillage() { return village; }
  public void setVillage(String village) { this.village = village; }
  public Double getLatitude() { return latitude; }
  public void setLatitude(Double latitude) { this.latitude = latitude; }
  public Double getLongitude() { return longitude; }
  public void setLongitude(Double longitude) { this.longitude = longitude; }
  public String getSubmitterName() { return submitterName; }
  public void setSubmitterName(String submitterName) { this.submitterName = submitterName; }
  public String getSubmitterPhone() { return submitterPhone; }
  public void setSubmitterPhone(String submitterPhone) { this.submitterPhone = submitterPhone; }
  public String getCollectingMember() { return collectingMember; }
  public void setCollectingMember(String collectingMember) { this.collectingMember = collectingMember; }
  public boolean isAnswerableOnSite() { return answerableOnSite; }
  public void setAnswerableOnSite(boolean answerableOnSite) { this.answerableOnSite = answerableOnSite; }
  public boolean isNeedsPolicyChange() { return needsPolicyChange; }
  public void setNeedsPolicyChange(boolean needsPolicyChange) { this.needsPolicyChange = needsPolicyChange; }
  public BigDecimal getEstimatedCostYuan() { return estimatedCostYuan; }
  public void setEstimatedCostYuan(BigDecimal estimatedCostYuan) { this.estimatedCostYuan = estimatedCostYuan; }
  public int getDepartmentsInvolved() { return departmentsInvolved; }
  public void setDepartmentsInvolved(int departmentsInvolved) { this.departmentsInvolved = departmentsInvolved; }
  public void setCoDepartments(List<String> codes) { this.coDepartments = codes == null || codes.isEmpty() ? null : String.join(",", codes); }
  public int getAffectedPeople() { return affectedPeople; }
  public void setAffectedPeople(int affectedPeople) { this.affectedPeople = affectedPeople; }
  public Long getMergedIntoId() { return mergedIntoId; }
  public void setMergedIntoId(Long mergedIntoId) { this.mergedIntoId = mergedIntoId; }
  public DemandStatus getStatus() { return status; }
  public void setStatus(DemandStatus status) { this.status = status; }
  public String getProcessInstanceId() { return processInstanceId; }
  public void setProcessInstanceId(String processInstanceId) { this.processInstanceId = processInstanceId; }
  public Instant getCreatedAt() { return createdAt; }
  public String getCreatedBy() { return createdBy; }
  public Instant getUpdatedAt() { return updatedAt; }
}
