package cn.shangliang.inbox;

import cn.shangliang.system.RecordEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;

/** A completed user task that has no record of its own in Java (see {@link StepRecords}). */
@Entity
@Table(name = "step_record")
class StepRecord extends RecordEntity {
  @Column(name = "demand_id")
  private Long demandId;
  private String step;
  @Column(name = "task_definition_key")
  private String taskDefinitionKey;
  @Column(name = "process_definition_id")
  private String processDefinitionId;
  @Column(name = "completed_by")
  private String completedBy;
  @Column(name = "completed_at")
  private Instant completedAt;
  @Column(name = "fields_json")
  private String fieldsJson;

  protected StepRecord() {}

  StepRecord(long demandId, String step, String taskDefinitionKey, String processDefinitionId, String completedBy,
      Instant completedAt, String fieldsJson) {
    this.demandId = demandId;
    this.step = step;
    this.taskDefinitionKey = taskDefinitionKey;
    this.processDefinitionId = processDefinitionId;
    this.completedBy = completedBy;
    this.completedAt = completedAt;
    this.fieldsJson = fieldsJson;
  }

  String getStep() { return step; }
  String getTaskDefinitionKey() { return taskDefinitionKey; }
  String getCompletedBy() { return completedBy; }
  Instant getCompletedAt() { return completedAt; }
  String getFieldsJson() { return fieldsJson; }
}
