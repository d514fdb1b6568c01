package cn.shangliang.consultation;

import cn.shangliang.intake.DemandRecords;
import cn.shangliang.intake.DemandStatus;
import cn.shangliang.routing.Scope;
import cn.shangliang.system.ChinaTime;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.BadUserRequestException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Writes the records of steps 2–4 (investigation, meeting, decision) and the history lines that go with them. */
@Service
public class ConsultationRecords {
  private final InvestigationRepository investigations;
  private final MeetingRepository meetings;
  private final MeetingNoticeRepository notices;
  private final DecisionRepository decisions;
  private final DemandRecords demands;
  private final Clock clock;

  ConsultationRecords(InvestigationRepository investigations, MeetingRepository meetings, MeetingNoticeRepository notices,
      DecisionRepository decisions, DemandRecords demands, Clock clock) {
    this.investigations = investigations;
    this.meetings = meetings;
    this.notices = notices;
    this.decisions = decisions;
    this.demands = demands;
    this.clock = clock;
  }

  public record InvestigationInput(String findings, String stakeholders, int affectedPeople, int departmentsInvolved,
      BigDecimal estimatedCostYuan, Scope scope, boolean answerableOnSite, boolean needsPolicyChange) {
    /** The facts the rules route on, as investigated. */
    public DemandRecords.InvestigatedFacts facts() {
      return new DemandRecords.InvestigatedFacts(scope, answerableOnSite, needsPolicyChange, estimatedCostYuan, departmentsInvolved,
          affectedPeople);
    }
  }

  @Transactional
  public Investigation recordInvestigation(long demandId, InvestigationInput in, String actor) {
    Investigation investigation = investigations.save(new Investigation(demandId, in.findings(), in.stakeholders(),
        in.affectedPeople(), clock.instant(), actor));
    demands.updateInvestigatedFacts(demandId, in.facts());
    demands.event(demandId, actor, "INVESTIGATED", "调查核实：" + in.findings(), DemandStatus.DELIBERATING);
    return investigation;
  }

  @Transactional
  public Meeting scheduleMeeting(long demandId, MeetingForm form, Instant when, String place, List<ParticipantKind> kinds,
      String actor) {
    if (kinds.isEmpty()) throw new BadUserRequestException("请至少邀请一类参会人员");
    Meeting meeting = meetings.save(new Meeting(demandId, form, when, place, kinds, clock.instant(), actor));
    demands.event(demandId, actor, "MEETING_SCHEDULED", summary(meeting), DemandStatus.DELIBERATING);
    return meeting;
  }

  /** 事先知情通报: one notice per invited kind of participant; sending twice sends nothing new. */
  @Transactional
  public List<MeetingNotice> notifyParticipants(long meetingId) {
    Meeting meeting = meetings.findById(meetingId).orElseThrow(() -> new IllegalStateException("meeting " + meetingId));
    List<ParticipantKind> already = notices.findByMeetingIdOrderByIdAsc(meetingId).stream().map(MeetingNotice::getParticipantKind).toList();
    Instant now = clock.instant();
    for (ParticipantKind kind : meeting.participantKinds()) {
      if (!already.contains(kind)) {
        notices.save(new MeetingNotice(meetingId, kind, "致" + kind.label() + "：" + summary(meeting) + "，请准时参加。", now));
      }
    }
    meeting.noticesSent(now);
    demands.event(meeting.getDemandId(), "system", "PARTICIPANTS_NOTIFIED", "已向" + meeting.participantKinds().stream()
        .map(ParticipantKind::label).collect(Collectors.joining("、")) + "发出会前通知", null);
    return notices.findByMeetingIdOrderByIdAsc(meetingId);
  }

  @Transactional
  public Meeting recordMeeting(long meetingId, String opinions, String agreement, String dissent, int attendance,
      List<String> attendingMembers, String actor) {
    Meeting meeting = meetings.findById(meetingId).orElseThrow(() -> new IllegalStateException("meeting " + meetingId));
    meeting.record(opinions, agreement, dissent, attendance, attendingMembers, clock.instant(), actor);
    demands.event(meeting.getDemandId(), actor, "MEETING_HELD", "议事会" + attendance + "人参加。共识：" + (agreement == null ? "—" : agreement)
        + (dissent == null ? "" : "；不同意见：" + dissent), DemandStatus.DECIDING);
    return meeting;
  }

  @Transactional
  public Decision recordDecision(long demandId, String text, String howReached, Integer votesFor, Integer votesAgainst,
      Integer votesAbstain, List<Decision.ActionItem> actionItems, String actor) {
    if ("VOTE".equals(howReached) && (votesFor == null || votesAgainst == null)) {
      throw new BadUserRequestException("表决形成的决定请填写赞成票和反对票");
    }
    Decision decision = decisions.save(new Decision(demandId, text, howReached, votesFor, votesAgainst, votesAbstain,
        actionItems, clock.instant(), actor));
    demands.event(demandId, actor, "DECIDED", ("VOTE".equals(howReached) ? "表决通过（赞成" + votesFor + "，反对" + votesAgainst + "）："
        : "协商一致：") + text, null);
    return decision;
  }

  /** One action item per line: 事项；负责人；完成日期 (full-width or ASCII separators). */
  static List<Decision.ActionItem> parseActionItems(String text) {
    List<Decision.ActionItem> items = new ArrayList<>();
    if (text == null) return items;
    int line = 0;
    for (String raw : text.split("\\R")) {
      line++;
      if (raw.isBlank()) continue;
      String[] parts = raw.split("[;；|｜]");
      if (parts.length != 3 || parts[0].isBlank() || parts[1].isBlank()) {
        throw new BadUserRequestException("落实事项第" + line + "行应为：事项；负责人；完成日期");
      }
      try {
        items.add(new Decision.ActionItem(parts[0].strip(), parts[1].strip(), LocalDate.parse(parts[2].strip())));
      } catch (DateTimeParseException e) {
        throw new BadUserRequestException("落实事项第" + line + "行的完成日期应为 2026-12-31 这样的日期");
      }
    }
    return items;
  }

  static String summary(Meeting meeting) {
    return meeting.getMeetingForm().label() + "，" + ChinaTime.text(meeting.getScheduledFor()) + "，" + meeting.getPlace();
  }

  @Transactional(readOnly = true)
  public List<Investigation> investigations(long demandId) {
    return investigations.findByDemandIdOrderByRecordedAtAsc(demandId);
  }

  @Transactional(readOnly = true)
  public List<Meeting> meetings(long demandId) {
    return meetings.findByDemandIdOrderByScheduledAtAsc(demandId);
  }

  @Transactional(readOnly = true)
  public List<MeetingNotice> notices(long meetingId) {
    return notices.findByMeetingIdOrderByIdAsc(meetingId);
  }

  @Transactional(readOnly = true)
  public List<Decision> decisions(long demandId) {
    return decisions.findByDemandIdOrderByDecidedAtAsc(demandId);
  }
}
