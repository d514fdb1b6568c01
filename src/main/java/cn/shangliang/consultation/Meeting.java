package cn.shangliang.consultation;

import cn.shangliang.system.RecordEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** 议事会: scheduled by the convenor, participants notified beforehand, then opinions, agreement, dissent. */
@Entity
@Table(name = "meeting")
public class Meeting extends RecordEntity {
  @Column(name = "demand_id")
  private Long demandId;
  @Column(name = "meeting_form")
  private String meetingForm;
  @Column(name = "scheduled_for")
  private Instant scheduledFor;
  private String place;
  @Column(name = "participant_kinds")
  private String participantKinds;
  @Column(name = "scheduled_by")
  private String scheduledBy;
  @Column(name = "scheduled_at")
  private Instant scheduledAt;
  @Column(name = "notices_sent_at")
  private Instant noticesSentAt;
  private String opinions;
  private String agreement;
  private String dissent;
  private Integer attendance;
  @Column(name = "attending_members")
  private String attendingMembers;
  @Column(name = "recorded_by")
  private String recordedBy;
  @Column(name = "recorded_at")
  private Instant recordedAt;
  @Column(name = "online_opinions")
  private String onlineOpinions;

  protected Meeting() {}

  Meeting(Long demandId, MeetingForm form, Instant scheduledFor, String place, List<ParticipantKind> kinds,
      Instant at, String by) {
    this.demandId = demandId;
    this.meetingForm = form.name();
    this.scheduledFor = scheduledFor;
    this.place = place;
    this.participantKinds = String.join(",", kinds.stream().map(Enum::name).toList());
    this.scheduledAt = at;
    this.scheduledBy = by;
  }

  void noticesSent(Instant at) {
    this.noticesSentAt = at;
  }

  void record(String opinions, String agreement, String dissent, int attendance, List<String> members, Instant at,
      String by) {
    this.attendingMembers = members.isEmpty() ? null : String.join(",", members);
    this.opinions = opinions;
    this.agreement = agreement;
    this.dissent = dissent;
    this.attendance = attendance;
    this.recordedAt = at;
    this.recordedBy = by;
  }

  /** 网络协商: the closed online round's counts and suggestions, in the meeting record. */
  void onlineOpinions(String summary) {
    this.onlineOpinions = summary;
  }

  public String getOnlineOpinions() { return onlineOpinions; }

  public List<ParticipantKind> participantKinds() {
    return Arrays.stream(participantKinds.split(",")).filter(s -> !s.isBlank()).map(ParticipantKind::valueOf).toList();
  }

  public Long getDemandId() { return demandId; }
  public MeetingForm getMeetingForm() { return MeetingForm.valueOf(meetingForm); }
  public Instant getScheduledFor() { return scheduledFor; }
  public String getPlace() { return place; }
  public String getScheduledBy() { return scheduledBy; }
  public Instant getNoticesSentAt() { return noticesSentAt; }
  public String getOpinions() { return opinions; }
  public String getAgreement() { return agreement; }
  public String getDissent() { return dissent; }
  public Integer getAttendance() { return attendance; }
  public List<String> attendingMembers() {
    return attendingMembers == null ? List.of() : List.of(attendingMembers.split(","));
  }
  public String getRecordedBy() { return recordedBy; }
  public Instant getRecordedAt() { return recordedAt; }
}
