package cn.shangliang.bench;

import cn.shangliang.consultation.SixStepConsultationProcess;
import cn.shangliang.consultation.VillageAssignments;
import cn.shangliang.intake.Channel;
import cn.shangliang.intake.DemandRequest;
import cn.shangliang.intake.IntakeService;
import cn.shangliang.routing.Category;
import cn.shangliang.routing.Scope;
import cn.shangliang.routing.Urgency;
import cn.shangliang.support.ProposalWalk;
import cn.shangliang.support.Steps;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The matters the volume benchmark copies, each walked through the product's own paths (intake, the six-step
 * process and the processes it calls, the records every step writes), so their rows in our tables and in the
 * engine's runtime and history are the ones real use leaves. Finished ones stand for the five years behind;
 * open ones for the work in hand. The mix is a county's, roughly: most matters answered on site or by a
 * department, fewer deliberated, few becoming proposals; one emergency in five answered after its breach.
 */
final class VolumeTemplates {
  /** One template matter: its demand row, tracking code, whether it is still open, and how often it is copied. */
  record Template(String kind, long demandId, String trackingCode, boolean open, int weight) {}

  private final ProcessEngine engine;
  private final IntakeService intake;
  private final VillageAssignments villages;
  private final JdbcTemplate jdbc;
  private final List<Template> made = new ArrayList<>();

  VolumeTemplates(ProcessEngine engine, IntakeService intake, VillageAssignments villages, JdbcTemplate jdbc) {
    this.jdbc = jdbc;
    this.engine = engine;
    this.intake = intake;
    this.villages = villages;
  }

  List<Template> walk() {
    try {
      onSiteAnswered();
      departmentReplyAfterDeliberation();
      emergencyAnsweredAfterItsBreach();
      emergencyAnsweredInTime();
      proposal();
      openInvestigation();
      openDepartmentReply();
      openEmergencyBreached();
    } finally {
      ClockUtil.reset();
    }
    return List.copyOf(made);
  }

  private void onSiteAnswered() {
    Steps steps = submit(Category.POLICY, Urgency.NORMAL, true, false);
    steps.complete(SixStepConsultationProcess.TASK_ON_SITE_ANSWER, "member1", List.of("member"),
        Map.of("resultText", "已当场解释报销政策和办理流程。"));
    closePublicity(steps);
    add("on-site answer, closed", steps, false, 30);
  }

  private void departmentReplyAfterDeliberation() {
    Steps steps = submit(Category.TRANSPORT, Urgency.NORMAL, false, true);
    steps.throughDecision(Steps.investigation())
        .complete("UserTask_DepartmentReply", "transport", List.of("dept-transport"), Map.of("resultText", "已安排修补积水路段。"))
        .complete("UserTask_ReviewReply", "liaison", List.of("liaison-office"), Map.of("reviewDecision", "ACCEPT", "resolved", true));
    closePublicity(steps);
    add("deliberated, department reply accepted, closed", steps, false, 20);
  }

  private void emergencyAnsweredAfterItsBreach() {
    Steps steps = submit(Category.WATER, Urgency.EMERGENCY, false, false);
    later(Duration.ofHours(25));
    steps.fireDueTimers();
    steps.complete("UserTask_DepartmentReply", "water", List.of("dept-water"), Map.of("resultText", "已抢修完毕，恢复供水。"))
        .complete("UserTask_ReviewReply", "liaison", List.of("liaison-office"), Map.of("reviewDecision", "ACCEPT", "resolved", true));
    closePublicity(steps);
    add("emergency, breached, answered late, closed", steps, false, 6);
  }

  private void emergencyAnsweredInTime() {
    Steps steps = submit(Category.WATER, Urgency.EMERGENCY, false, false);
    steps.complete("UserTask_DepartmentReply", "water", List.of("dept-water"), Map.of("resultText", "已抢修完毕，恢复供水。"))
        .complete("UserTask_ReviewReply", "liaison", List.of("liaison-office"), Map.of("reviewDecision", "ACCEPT", "resolved", true));
    closePublicity(steps);
    add("emergency answered in time, closed", steps, false, 24);
  }

  private void proposal() {
    ClockUtil.reset();
    ProposalWalk walk = new ProposalWalk(engine, intake, villages);
    Steps steps = walk.registeredAndAssigned(Category.TRANSPORT, 300, "transport");
    walk.contact(steps, "transport", java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString());
    walk.reply(steps, "transport", "A");
    steps.complete("UserTask_ProposerEvaluation", "proposals", List.of("proposal-committee"), Map.of("evaluationResult", "SATISFIED"));
    closePublicity(steps);
    add("proposal answered, closed", steps, false, 5);
  }

  private void openInvestigation() {
    add("open: waiting for the investigation", submit(Category.TRANSPORT, Urgency.NORMAL, false, true), true, 5);
  }

  private void openDepartmentReply() {
    Steps steps = submit(Category.TRANSPORT, Urgency.NORMAL, false, true);
    steps.throughDecision(Steps.investigation());
    add("open: department reply due", steps, true, 4);
  }

  private void openEmergencyBreached() {
    Steps steps = submit(Category.WATER, Urgency.EMERGENCY, false, false);
    later(Duration.ofHours(25));
    steps.fireDueTimers();
    ClockUtil.reset();
    add("open: emergency breached, reply owed", steps, true, 1);
  }

  private Steps submit(Category category, Urgency urgency, boolean onSite, boolean assignedVillage) {
    ClockUtil.reset();
    String village = "基准村" + UUID.randomUUID().toString().substring(0, 6);
    if (assignedVillage) villages.assign("中峰镇", village, "member1", "admin");
    IntakeService.Submitted submitted = intake.submit(new DemandRequest("基准诉求 " + village, "村民反映的问题，基准数据。" + village,
        category, Scope.VILLAGE, urgency, Channel.MEMBER_VISIT, "中峰镇", village, new DemandRequest.Submitter("张三", "13812341234"),
        onSite, false, new BigDecimal("50000"), 1, List.of(), 40, null, null, null, onSite ? "member1" : null, null), null, "clerk");
    return new Steps(engine, submitted.demand().getTrackingCode());
  }

  /** Publicity runs its 7 days, nobody evaluates within 15: the matter closes (DOMAIN.md §5). */
  private void closePublicity(Steps steps) {
    later(Duration.ofDays(7).plusMinutes(1));
    steps.fireDueTimers();
    later(Duration.ofDays(15).plusMinutes(1));
    steps.fireDueTimers();
  }

  private static void later(Duration duration) {
    ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(duration)));
  }

  private void add(String kind, Steps steps, boolean open, int weight) {
    Long id = jdbc.queryForObject("SELECT id FROM demand WHERE tracking_code = ?", Long.class, steps.code());
    made.add(new Template(kind, id, steps.code(), open, weight));
  }
}
