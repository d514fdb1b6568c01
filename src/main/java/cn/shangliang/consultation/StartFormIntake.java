package cn.shangliang.consultation;

import cn.shangliang.consultation.SixStepConsultationProcess.Var;
import cn.shangliang.forms.Vars;
import cn.shangliang.intake.Channel;
import cn.shangliang.intake.Demand;
import cn.shangliang.intake.DemandRequest;
import cn.shangliang.intake.IntakeService;
import cn.shangliang.routing.Category;
import cn.shangliang.routing.Scope;
import cn.shangliang.routing.Urgency;
import cn.shangliang.system.InvalidRequestException;
import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * 广泛征集知事 from Tasklist: a clerk starts the process with the start form {@code collect-demand}; this
 * start listener registers the demand through the same intake service as the API (same validation,
 * duplicates, tracking code), for this instance and in its transaction, and makes the tracking code the
 * business key. Bad input refuses the start with the reasons, shown in the form. A process started by
 * the API already carries its demand and passes through.
 */
@Component("registerFromStartForm")
class StartFormIntake implements ExecutionListener {
  private final IntakeService intake;
  private final FormPicks picks;

  StartFormIntake(IntakeService intake, FormPicks picks) {
    this.intake = intake;
    this.picks = picks;
  }

  @Override
  public void notify(DelegateExecution execution) {
    if (execution.getVariable(Var.DEMAND_ID) != null) return;
    var authentication = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    String actor = authentication == null ? "system" : authentication.getUserId();
    Demand demand;
    try {
      demand = intake.registerForRunningProcess(request(execution, collectingMember(execution, actor)),
          execution.getProcessInstanceId(), actor);
    } catch (InvalidRequestException e) {
      throw new BadUserRequestException("诉求未受理：" + e.errors().stream().map(InvalidRequestException.FieldError::message)
          .collect(Collectors.joining("；")));
    }
    execution.setProcessBusinessKey(demand.getTrackingCode());
    execution.setVariable(Var.DEMAND_ID, demand.getId());
    execution.setVariable(Var.TRACKING_CODE, demand.getTrackingCode());
    execution.setVariable(Var.TITLE, demand.getTitle());
    execution.setVariable(Var.DESCRIPTION, SixStepConsultationProcess.descriptionForForms(demand.getDescription()));
    execution.setVariable(Var.TOWNSHIP, demand.getTownship());
    execution.setVariable(Var.VILLAGE, demand.getVillage());
    execution.setVariable(Var.CATEGORY, demand.getCategory().label());
    execution.setVariable(Var.COLLECTING_MEMBER, demand.getCollectingMember());
  }

  /**
   * 收集委员: a start form cannot load a pick list (Tasklist gives it no variables), so a member visiting says 「由我走访收集」
   * and is the collecting member; a start over the REST API may still name the member's account.
   */
  private String collectingMember(DelegateExecution e, String actor) {
    if (Vars.flag(e, "collectedByMe")) return picks.collectedBy(actor);
    return picks.collectingMember(Vars.text(e, Var.COLLECTING_MEMBER, "收集委员", false, 64));
  }

  private static DemandRequest request(DelegateExecution e, String collectingMember) {
    Integer departments = Vars.integer(e, "departmentsInvolved", "涉及部门数", false, 1, 50);
    Integer people = Vars.integer(e, "affectedPeople", "受影响人数", false, 0, 100_000_000);
    return new DemandRequest(
        Vars.text(e, "title", "标题", true, 200), Vars.text(e, "description", "诉求内容", true, 5000),
        Vars.choice(e, "category", "类别", Category.class), Vars.choice(e, "scope", "涉及范围", Scope.class),
        Vars.choice(e, "urgency", "紧急程度", Urgency.class), Vars.choice(e, "channel", "来源渠道", Channel.class),
        Vars.text(e, "township", "乡镇（街道）", true, 100), Vars.text(e, "village", "村（社区）", true, 100),
        new DemandRequest.Submitter(Vars.text(e, "submitterName", "诉求人姓名", false, 100),
            Vars.text(e, "submitterPhone", "联系电话", false, 20)),
        Vars.flag(e, "answerableOnSite"), Vars.flag(e, "needsPolicyChange"), Vars.amount(e, "estimatedCostYuan", "预估费用"),
        departments, List.of(), people, null, null, null, collectingMember, null);
  }
}
