package cn.shangliang.consultation;

import cn.shangliang.intake.DemandRecordsContributor;
import cn.shangliang.system.ChinaTime;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Steps 2–4 in the staff view of a demand: investigations, meetings (with notices), decisions. */
@Configuration(proxyBeanMethods = false)
class ConsultationRecordsView {

  record InvestigationView(OffsetDateTime recordedAt, String recordedBy, String findings, String stakeholders, int affectedPeople) {}

  record NoticeView(String participantKind, String participantLabel, String message, OffsetDateTime sentAt) {}

  record MeetingView(String form, String formLabel, OffsetDateTime scheduledFor, String place, String scheduledBy,
      List<NoticeView> notices, String opinions, String agreement, String dissent, Integer attendance,
      String recordedBy, OffsetDateTime recordedAt, String onlineOpinions) {}

  record ActionItemView(String description, String owner, LocalDate dueDate) {}

  record DecisionView(String decisionText, String howReached, Integer votesFor, Integer votesAgainst, Integer votesAbstain,
      List<ActionItemView> actionItems, String decidedBy, OffsetDateTime decidedAt) {}

  static OffsetDateTime at(Instant instant) {
    return ChinaTime.of(instant);
  }

  @Bean
  DemandRecordsContributor investigationsContributor(ConsultationRecords records) {
    return DemandRecordsContributor.of("investigations", id -> records.investigations(id).stream()
        .map(i -> new InvestigationView(at(i.getRecordedAt()), i.getRecordedBy(), i.getFindings(), i.getStakeholders(), i.getAffectedPeople()))
        .toList());
  }

  @Bean
  DemandRecordsContributor meetingsContributor(ConsultationRecords records) {
    return DemandRecordsContributor.of("meetings", id -> records.meetings(id).stream()
        .map(m -> new MeetingView(m.getMeetingForm().name(), m.getMeetingForm().label(), at(m.getScheduledFor()), m.getPlace(),
            m.getScheduledBy(), records.notices(m.getId()).stream().map(n -> new NoticeView(n.getParticipantKind().name(),
                n.getParticipantKind().label(), n.getMessage(), at(n.getSentAt()))).toList(),
            m.getOpinions(), m.getAgreement(), m.getDissent(), m.getAttendance(), m.getRecordedBy(), at(m.getRecordedAt()),
            m.getOnlineOpinions()))
        .toList());
  }

  @Bean
  DemandRecordsContributor decisionsContributor(ConsultationRecords records) {
    return DemandRecordsContributor.of("decisions", id -> records.decisions(id).stream()
        .map(d -> new DecisionView(d.getDecisionText(), d.getHowReached(), d.getVotesFor(), d.getVotesAgainst(), d.getVotesAbstain(),
            d.getActionItems().stream().map(a -> new ActionItemView(a.getDescription(), a.getOwner(), a.getDueDate())).toList(),
            d.getDecidedBy(), at(d.getDecidedAt())))
        .toList());
  }
}
