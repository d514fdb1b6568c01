package cn.shangliang.consultation;

import cn.shangliang.platforms.Platforms;
import cn.shangliang.system.ChinaTime;
import cn.shangliang.system.InvalidRequestException;
import cn.shangliang.system.NotFoundException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.IdentityService;
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
  private final IdentityService identity;

  Meetings(ConsultationRecords records, Platforms platforms, OnlineRounds rounds, IdentityService identity) {
    this.records = records;
    this.platforms = platforms;
    this.rounds = rounds;
    this.identity = identity;
  }

  /** What 安排议事会's form says, as text where the form sends text. */
  record Schedule(MeetingForm form, String meetingTime, String place, List<ParticipantKind> kinds, String platform,
      String onlineInvitees) {}

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
      List<InvalidRequestException.FieldError> errors = new ArrayList<>();
      List<OnlineRounds.Invitee> invitees = OnlineRounds.parseInvitees(form.onlineInvitees(), errors, "onlineInvitees");
      if (!errors.isEmpty()) throw new BadUserRequestException(errors.get(0).message());
      OnlineRoundRecords.Round round = rounds.open(meeting, invitees, actor);
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
  record Held(String opinions, String agreement, String dissent, int attendance, String attendingMembers) {}

  void record(long meetingId, Held form, String actor) {
    records.recordMeeting(meetingId, form.opinions(), form.agreement(), form.dissent(), form.attendance(),
        attendingMembers(form.attendingMembers()), actor);
    rounds.closeIfOpen(meetingId, actor); // 网络协商 ends with the meeting record
  }

  /** "member1, member2" → the ids, each a user of the group {@code member}. */
  List<String> attendingMembers(String text) {
    if (text == null) return List.of();
    List<String> ids = Arrays.stream(text.split("[,，、\\s]+")).filter(s -> !s.isBlank()).distinct().toList();
    for (String id : ids) {
      if (identity.createUserQuery().userId(id).memberOfGroup("member").count() == 0) {
        throw new BadUserRequestException("参会委员中「" + id + "」不是政协委员的用户名");
      }
    }
    return ids;
  }
}
