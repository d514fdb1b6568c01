package cn.shangliang.support;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;

/**
 * Works a matter's tasks as the people of DOMAIN.md §1 would, by tracking code (the business key of the
 * matter's process and of every called process). Asynchronous steps run at once (tests have no job executor).
 */
public final class Steps {
  private final ProcessEngine engine;
  private final String trackingCode;

  public Steps(ProcessEngine engine, String trackingCode) {
    this.engine = engine;
    this.trackingCode = trackingCode;
  }

  public String code() {
    return trackingCode;
  }

  public Task task(String taskKey) {
    return engine.getTaskService().createTaskQuery().processInstanceBusinessKey(trackingCode).taskDefinitionKey(taskKey)
        .singleResult();
  }

  public Steps complete(String taskKey, String user, List<String> groups, Map<String, Object> variables) {
    Task task = task(taskKey);
    if (task == null) throw new AssertionError(trackingCode + " has no open task " + taskKey + "; open: " + openTasks());
    engine.getIdentityService().setAuthentication(user, groups);
    try {
      engine.getTaskService().complete(task.getId(), variables);
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
    return runJobs();
  }

  public List<String> openTasks() {
    return engine.getTaskService().createTaskQuery().processInstanceBusinessKey(trackingCode).list().stream()
        .map(Task::getTaskDefinitionKey).toList();
  }

  /** Runs the asynchronous continuations (not timers) of the matter and its called processes. */
  public Steps runJobs() {
    boolean ran = true;
    while (ran) {
      ran = false;
      for (ProcessInstance instance : engine.getRuntimeService().createProcessInstanceQuery()
          .processInstanceBusinessKey(trackingCode).list()) {
        for (Job job : engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).messages()
            .executable().list()) {
          engine.getManagementService().executeJob(job.getId());
          ran = true;
        }
      }
    }
    return this;
  }

  /** Fires the due timers of the matter (move ClockUtil first). */
  public Steps fireDueTimers() {
    for (ProcessInstance instance : engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceBusinessKey(trackingCode).list()) {
      for (Job job : engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).timers()
          .executable().list()) {
        engine.getManagementService().executeJob(job.getId());
      }
    }
    return runJobs();
  }

  // ---- the steps, with sensible answers a test can override ----

  public static Map<String, Object> investigation(Object... overrides) {
    Map<String, Object> vars = new HashMap<>(Map.of(
        "findings", "实地走访核实：路面坑洼约300米，雨后积水。", "stakeholders", "三组村民",
        "investigatedAffectedPeople", 120L, "investigatedDepartments", 1L, "investigatedCostYuan", 80000L,
        "investigatedScope", "GROUP", "investigatedAnswerableOnSite", false, "investigatedNeedsPolicyChange", false));
    // these answers usually correct what intake recorded; a correction that changes the route needs its reason
    vars.put("correctionReason", "调查核实与受理登记不符");
    put(vars, overrides);
    return vars;
  }

  public static Map<String, Object> meetingSchedule(Object... overrides) {
    Map<String, Object> vars = new HashMap<>(Map.of("meetingForm", "COURTYARD", "meetingTime", "2026-12-01T19:00",
        "meetingPlace", "村委会院坝", "inviteMembers", true, "inviteResidents", true, "inviteDepartments", true));
    put(vars, overrides);
    return vars;
  }

  public static Map<String, Object> meetingRecord(Object... overrides) {
    Map<String, Object> vars = new HashMap<>(Map.of("opinions", "群众希望尽快修补，部门表示可纳入年内计划。",
        "agreement", "先修补积水路段。", "attendance", 30L, "attendingMembers", "member1, member2"));
    put(vars, overrides);
    return vars;
  }

  public static Map<String, Object> decision(Object... overrides) {
    Map<String, Object> vars = new HashMap<>(Map.of("decisionText", "请牵头部门修补积水路段，村委会配合。",
        "howReached", "CONSENSUS", "actionItems", "修补积水路段；交通运输局；2026-12-31"));
    put(vars, overrides);
    return vars;
  }

  public Steps throughDecision(Map<String, Object> investigation) {
    return complete("UserTask_Investigate", "member1", List.of("member"), investigation)
        .complete("UserTask_ScheduleMeeting", "convenor", List.of("convenor"), meetingSchedule())
        .complete("UserTask_RecordMeeting", "convenor", List.of("convenor"), meetingRecord())
        .complete("UserTask_Decide", "convenor", List.of("convenor"), decision());
  }

  private static void put(Map<String, Object> vars, Object... overrides) {
    for (int i = 0; i + 1 < overrides.length; i += 2) vars.put((String) overrides[i], overrides[i + 1]);
  }
}
