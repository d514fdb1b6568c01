package cn.shangliang.consultation;

import cn.shangliang.platforms.Platforms;
import cn.shangliang.system.ChinaTime;
import cn.shangliang.system.NotFoundException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.camunda.bpm.engine.BadUserRequestException;
import org.springframework.stereotype.Service;

/**
 * 安排议事会 and 多元参与议事 as the convenor's forms submit them: checks what the form says (time, platform,
 * invitees, attending members) and writes the meeting, its platform and its 网络协商 round.
 */
@Service
class Meetings {
  private final ConsultationRecords records;
  private final Platforms platforms;
  private final OnlineRounds rounds;
  private final FormPicks picks;

  Meetings(ConsultationRecords records, Platforms platforms, OnlineRounds rounds, FormPicks picks) {
    this.records = records;
    this.platforms = platforms;
    this.rounds = rounds;
    this.picks = picks;
  }

  /** What 安排议事会's form says, as text where the form sends text. */
  record Schedule(MeetingForm form, String meetingTime, String place, List<ParticipantKind> kinds, String platform,
      Object onlineInvitees) {}

  /** The meeting, and the links of its 网络协商 round when it is held online. */
  record Scheduled(Meeting meeting, String onlineRoundLinks) {}

  Scheduled schedule(long demandId, Schedule form, String actor) {
    Meeting meeting = records.scheduleMeeting(demandId, form.form(), meetingTime(form.meetingTime()), form.place(), form.kinds(), actor);
    String platform = form.platform();
    if (platform != null) {
      if (!platform.matches("\\d{1,18}")) throw new BadUserRequestException("「协商平台」的取值无效：" + platform);
      try {
        platforms.holdMeetingAt(meeting.getId(), Long.parseLong(platform));
      } catch (NotFoundException e) {
        throw new BadUserRequestException("没有这个协商平台：" + platform);
      }
    }
    String links = null;
    if (meeting.getMeetingForm() == MeetingForm.ONLINE) {
      OnlineRoundRecords.Round round = rounds.open(meeting, picks.invitees(form.onlineInvitees()), actor);
      links = rounds.linksText(round.getId());
    }
    return new Scheduled(meeting, links);
  }

  /** form-js sends a local date-time ("2026-12-01T14:30"), read in China time; an offset is honoured. */
  static Instant meetingTime(String text) {
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException notOffset) {
      try {
        return LocalDateTime.parse(text).atZone(ChinaTime.ZONE).toInstant();
      } catch (DateTimeParseException e) {
        throw new BadUserRequestException("议事时间格式不正确：" + text);
      }
    }
  }

  /** What 多元参与议事's form says. */
  record Held(String opinions, String agreement, String dissent, int attendance, Object attendingMembers) {}

  void record(long meetingId, Held form, String actor) {
    records.recordMeeting(meetingId, form.opinions(), form.agreement(), form.dissent(), form.attendance(),
        picks.attendingMembers(form.attendingMembers()), actor);
    rounds.closeIfOpen(meetingId, actor); // 网络协商 ends with the meeting record
  }
}
