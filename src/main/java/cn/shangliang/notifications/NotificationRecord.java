package cn.shangliang.notifications;

import cn.shangliang.system.RecordEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import org.springframework.data.jpa.repository.JpaRepository;

@Entity
@Table(name = "notification")
class NotificationRecord extends RecordEntity {
  @Column(name = "recipient_user")
  private String recipientUser;
  @Column(name = "recipient_group")
  private String recipientGroup;
  private String kind;
  private String title;
  private String message;
  @Column(name = "tracking_code")
  private String trackingCode;
  @Column(name = "created_at")
  private Instant createdAt;

  protected NotificationRecord() {}

  NotificationRecord(String user, String group, String kind, String title, String message, String trackingCode, Instant at) {
    this.recipientUser = user;
    this.recipientGroup = group;
    this.kind = kind;
    this.title = title;
    this.message = message;
    this.trackingCode = trackingCode;
    this.createdAt = at;
  }
}

interface NotificationRecordRepository extends JpaRepository<NotificationRecord, Long> {}
