package cn.shangliang.consultation;

import cn.shangliang.system.RecordEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;

/** 事先知情通报: the notice sent to one kind of participant before the meeting (no real e-mail/SMS yet). */
@Entity
@Table(name = "meeting_notice")
public class MeetingNotice extends RecordEntity {
  @Column(name = "meeting_id")
  private Long meetingId;
  @Column(name = "participant_kind")
  private String participantKind;
  private String message;
  @Column(name = "sent_at")
  private Instant sentAt;

  protected MeetingNotice() {}

  MeetingNotice(Long meetingId, ParticipantKind kind, String message, Instant sentAt) {
    this.meetingId = meetingId;
    this.participantKind = kind.name();
    this.message = message;
    this.sentAt = sentAt;
  }

  public Long getMeetingId() { return meetingId; }
  public ParticipantKind getParticipantKind() { return ParticipantKind.valueOf(participantKind); }
  public String getMessage() { return message; }
  public Instant getSentAt() { return sentAt; }
}
