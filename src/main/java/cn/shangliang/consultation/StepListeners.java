package cn.shangliang.consultation;

import cn.shangliang.consultation.SixStepConsultationProcess.Var;
import cn.shangliang.forms.Vars;
import cn.shangliang.intake.DemandRecords;
import cn.shangliang.intake.DemandStatus;
import cn.shangliang.notifications.Notifications;
import cn.shangliang.platforms.Platforms;
import cn.shangliang.routing.Scope;
import cn.shangliang.system.ChinaTime;
import cn.shangliang.system.NotFoundException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.spin.Spin;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The thin glue between the six-step model and {@link ConsultationRecords}: each listener or delegate
 * reads what the form submitted, calls one service method and maps the result back. Bean names are
 * the expressions in the BPMN ({@code ${recordInvestigation}} …).
 */
@Configuration(proxyBeanMethods = false)
class StepListeners {

  private static long demandId(VariableScope scope) {
    return ((Number) scope.getVariable(Var.DEMAND_ID)).longValue();
  }

  @Bean
  JavaDelegate assignInvestigator(VillageAssignments assignments, Notifications notifications) {
    return execution -> {
      String member = assignments.memberFor((String) execution.getVariable(Var.TOWNSHIP), (String) execution.getVariable(Var.VILLAGE))
          .orElse(null);
      execution.setVariable(Var.INVESTIGATOR, member);
      String code = (String) execution.getVariable(Var.TRACKING_CODE);
      String title = "「" + execution.getVariable(Var.TITLE) + "」";
      // the member assigned is told by the inbox's assignment notice (TaskCards); without one, the liaison office is
      if (member == null) {
        notifications.toGroup("liaison-office", "ASSIGNED", "待调查（无包村委员）：" + title, execution.getVariable(Var.VILLAGE)
            + "尚无包村委员，请工委安排调查核实（受理编号 " + code + "）。", code);
      }
    };
  }

  /** The investigation form opens with what intake recorded, to confirm or correct. */
  @Bean
  TaskListener prefillInvestigation(InvestigationCorrections corrections) {
    return task -> {
      InvestigationCorrections.Prefill prefill = corrections.prefill(demandId(task));
      task.getExecution().setVariables(prefill.fields());
      task.setVariablesLocal(prefill.recorded());
    };
  }

  @Bean
  TaskListener recordInvestigation(ConsultationRecords records, InvestigationCorrections corrections) {
    return task -> records.recordInvestigation(demandId(task), corrections.checked(demandId(task), Vars.text(task,
        InvestigationCorrections.REASON, "更正理由", false, 1000), Vars.actor(task), new ConsultationRecords.InvestigationInput(
        Vars.text(task, "findings", "调查核实的情况", true, 2000),
        Vars.text(task, "stakeholders", "利益相关方", false, 1000),
        Vars.integer(task, "investigatedAffectedPeople", "受影响人数", true, 0, 100_000_000),
        Vars.integer(task, "investigatedDepartments", "涉及部门数", true, 1, 50),
        Vars.amount(task, "investigatedCostYuan", "预估费用"),
        Vars.choice(task, "investigatedScope", "涉及范围", Scope.class),
        Vars.flag(task, "investigatedAnswerableOnSite"),
        Vars.flag(task, "investigatedNeedsPolicyChange"))), Vars.actor(task));
  }

  /** The platforms the meeting may be held at, the township's own first (the form's select). */
  @Bean
  TaskListener offerPlatforms(Platforms platforms) {
    return task -> task.setVariableLocal("platformOptions",
        Spin.JSON(platforms.options((String) task.getVariable(Var.TOWNSHIP))));
  }

  /** The members by name, for 参会委员 (the form's taglist). */
  @Bean
  TaskListener offerMembers(FormPicks picks) {
    return task -> task.setVariableLocal("memberOptions", Spin.JSON(picks.memberOptions()));
  }

  /** The handling units and the village committee, for the action items' 负责单位. */
  @Bean
  TaskListener offerOwners(FormPicks picks) {
    return task -> task.setVariableLocal("ownerOptions", Spin.JSON(picks.ownerOptions()));
  }

  @Bean
  TaskListener scheduleMeeting(ConsultationRecords records, Platforms platforms, OnlineRounds rounds, FormPicks picks) {
    return task -> {
      List<ParticipantKind> kinds = Arrays.stream(ParticipantKind.values()).filter(k -> Vars.flag(task, k.formField())).toList();
      Meeting meeting = records.scheduleMeeting(demandId(task), Vars.choice(task, "meetingForm", "协商形式", MeetingForm.class),
          meetingTime(Vars.text(task, "meetingTime", "议事时间", true, 40)), Vars.text(task, "meetingPlace", "议事地点", true, 200),
          kinds, Vars.actor(task));
      task.setVariable(Var.MEETING_ID, meeting.getId());
      task.setVariable(Var.MEETING_SUMMARY, ConsultationRecords.summary(meeting));
      String platform = Vars.text(task, "platformId", "协商平台", false, 20);
      if (platform != null) {
        if (!platform.matches("\\d{1,18}")) throw new BadUserRequestException("「协商平台」的取值无效：" + platform);
        try {
          platforms.holdMeetingAt(meeting.getId(), Long.parseLong(platform));
        } catch (NotFoundException e) {
          throw new BadUserRequestException("没有这个协商平台：" + platform);
        }
      }
      task.setVariable("onlineRoundLinks", null);
      if (meeting.getMeetingForm() == MeetingForm.ONLINE) {
        OnlineRoundRecords.Round round = rounds.open(meeting, picks.invitees(task.getVariable("onlineInvitees")), Vars.actor(task));
        task.setVariable("onlineRoundLinks", rounds.linksText(round.getId()));
      }
    };
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

  @Bean
  JavaDelegate notifyParticipants(ConsultationRecords records) {
    return execution -> records.notifyParticipants(((Number) execution.getVariable(Var.MEETING_ID)).longValue());
  }

  @Bean
  TaskListener recordMeeting(ConsultationRecords records, FormPicks picks, OnlineRounds rounds) {
    return task -> {
      long meetingId = ((Number) task.getVariable(Var.MEETING_ID)).longValue();
      records.recordMeeting(meetingId,
          Vars.text(task, "opinions", "各方意见", true, 2000), Vars.text(task, "agreement", "达成的共识", false, 2000),
          Vars.text(task, "dissent", "不同意见", false, 2000), Vars.integer(task, "attendance", "参会人数", true, 1, 100_000),
          picks.attendingMembers(task.getVariable("attendingMembers")), Vars.actor(task));
      rounds.closeIfOpen(meetingId, Vars.actor(task)); // 网络协商 ends with the meeting record
    };
  }

  @Bean
  TaskListener recordDecision(ConsultationRecords records, FormPicks picks) {
    return task -> records.recordDecision(demandId(task), Vars.text(task, "decisionText", "决定事项", true, 2000),
        Vars.text(task, "howReached", "形成方式", true, 20), Vars.integer(task, "votesFor", "赞成票", false, 0, 100_000),
        Vars.integer(task, "votesAgainst", "反对票", false, 0, 100_000), Vars.integer(task, "votesAbstain", "弃权票", false, 0, 100_000),
        picks.actionItems(task.getVariable("actionItems")), Vars.actor(task));
  }

  /** 现场答复 / 委员答复: the member's answer is the handling result. */
  @Bean
  TaskListener recordAnswer(DemandRecords demands) {
    return task -> demands.event(demandId(task), Vars.actor(task), "ANSWERED",
        Vars.text(task, Var.RESULT_TEXT, "答复内容", true, 2000), DemandStatus.HANDLED);
  }

}
