package cn.shangliang.proposal;

import static cn.shangliang.support.ProposalWalk.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.shangliang.consultation.SixStepConsultationProcess;
import cn.shangliang.consultation.VillageAssignments;
import cn.shangliang.intake.IntakeService;
import cn.shangliang.routing.Category;
import cn.shangliang.support.Http;
import cn.shangliang.support.PlatformTest;
import cn.shangliang.support.ProposalWalk;
import cn.shangliang.support.Steps;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.IdentityLink;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** 提案办理 (DOMAIN.md §6): registration, handling on the 3-month clock, evaluation, re-handling and 回头看. */
@PlatformTest
class ProposalProcessTest {
  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired IntakeService intake;
  @Autowired VillageAssignments villages;
  ProposalWalk walk;

  @BeforeEach
  void init() {
    walk = new ProposalWalk(engine, intake, villages);
    at("2026-11-02T10:00:00+08:00");
  }

  @AfterEach
  void reset() {
    ClockUtil.reset();
  }

  Http http(String user) {
    return new Http(port).as(user);
  }

  JsonNode proposalOf(Steps steps) {
    JsonNode list = http("proposals").get("/api/demands/" + steps.code()).json().get("steps").get("proposals");
    return http("proposals").get("/api/proposals/" + list.get(list.size() - 1).get("id").asText()).json();
  }

  boolean ended(Steps steps, String processKey) {
    return engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceBusinessKey(steps.code())
        .processDefinitionKey(processKey).finished().count() > 0;
  }

  boolean running(Steps steps, String processKey) {
    return engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(steps.code())
        .processDefinitionKey(processKey).count() > 0;
  }

  List<String> candidates(String taskId, boolean users) {
    return engine.getTaskService().getIdentityLinksForTask(taskId).stream().filter(l -> "candidate".equals(l.getType()))
        .map(users ? IdentityLink::getUserId : IdentityLink::getGroupId).filter(java.util.Objects::nonNull).toList();
  }

  @Test
  void registered_assignedWithCoUnit_contactThenReplyA_satisfied_closes() {
    Steps steps = walk.matter(Category.TRANSPORT, 120);
    var draft = steps.task(ProposalProcess.TASK_DRAFT);
    assertThat(engine.getTaskService().getVariable(draft.getId(), "proposalTitle")).asString().startsWith("关于村组道路缺少养护");
    assertThat(candidates(draft.getId(), false)).containsExactly("liaison-office");
    assertThat(candidates(draft.getId(), true)).as("the collecting member edits too").containsExactly("member1");

    walk.review(walk.draft(steps), "REGISTER", null);
    JsonNode proposal = proposalOf(steps);
    assertThat(proposal.get("proposal").get("number").asText()).matches("2026-\\d{3}");
    assertThat(proposal.get("proposal").get("status").asText()).isEqualTo("ASSIGNING");

    walk.assign(steps, "transport", "water");
    var contact = steps.task(ProposalProcess.TASK_CONTACT);
    // 3 months after 2 Nov 2026 is Tue 2 Feb 2027, close of office hours
    assertThat(contact.getDueDate()).isEqualTo(Date.from(OffsetDateTime.parse("2027-02-02T17:30:00+08:00").toInstant()));
    assertThat(candidates(contact.getId(), false)).containsExactly("dept-transport");
    assertThat(steps.openTasks()).contains(ProposalProcess.TASK_CO_OPINION);
    steps.complete(ProposalProcess.TASK_CO_OPINION, "water", List.of("dept-water"), Map.of("coOpinion", "水利局可配合排水设施改造。"));

    at("2026-11-20T10:00:00+08:00");
    assertThatThrownBy(() -> walk.contact(steps, "transport", "2026-11-25")).hasMessageContaining("不能晚于今天");
    walk.reply(walk.contact(steps, "transport", "2026-11-19"), "transport", "A");
    var evaluation = steps.task(ProposalProcess.TASK_EVALUATION);
    assertThat(candidates(evaluation.getId(), true)).containsExactly("member1");
    assertThat(evaluation.getDueDate()).isEqualTo(Date.from(OffsetDateTime.parse("2026-12-05T10:00:00+08:00").toInstant()));
    walk.evaluate(steps, ProposalProcess.TASK_EVALUATION, "SATISFIED", null);

    assertThat(ended(steps, ProposalProcess.KEY)).isTrue();
    assertThat(running(steps, FollowUpReviewProcess.KEY)).as("class A needs no follow-up").isFalse();
    assertThat(steps.openTasks()).as("the matter goes on to publicity").isEmpty();
    assertThat(running(steps, SixStepConsultationProcess.KEY)).isTrue();
    JsonNode view = proposalOf(steps);
    assertThat(view.get("proposal").get("status").asText()).isEqualTo("CLOSED");
    assertThat(view.get("proposal").get("replyClass").asText()).isEqualTo("A");
    assertThat(view.get("proposal").get("replyClassLabel").asText()).isEqualTo("A类（已解决或采纳）");
    assertThat(view.get("proposal").get("leadUnitName").asText()).isEqualTo("交通运输局");
    assertThat(view.get("proposal").get("coUnits").get(0).asText()).isEqualTo("water");
    assertThat(view.get("contacts").get(0).get("wayLabel").asText()).isEqualTo("登门走访");
    assertThat(view.get("replies").get(0).get("kind").asText()).isEqualTo("FIRST");
    assertThat(view.get("replies").get(0).get("onTime").asBoolean()).isTrue();
    assertThat(view.get("evaluations").get(0).get("result").asText()).isEqualTo("SATISFIED");
    assertThat(view.get("evaluations").get(0).get("defaulted").asBoolean()).isFalse();
    assertThat(view.get("matters").get(0).get("trackingCode").asText()).isEqualTo(steps.code());
    assertThat(view.get("history").findValuesAsText("kind")).containsSubsequence("DRAFTED", "REGISTRATION_REVIEWED", "ASSIGNED",
        "CONTACT", "REPLIED", "EVALUATED");
    assertThat(view.get("history").get(0).get("detail").asText()).as("the drafter by name, not by account")
        .matches("起草提案（[^A-Za-z0-9]+）");
    JsonNode matter = http("clerk").get("/api/demands/" + steps.code()).json();
    assertThat(matter.get("steps").get("coHandlerOpinions").get(0).get("department").asText()).isEqualTo("water");

    JsonNode listed = http("proposals").get("/api/proposals?status=CLOSED&class=A&unit=transport").json();
    assertThat(listed.findValuesAsText("number")).contains(view.get("proposal").get("number").asText());
    assertThat(http("proposals").get("/api/proposals?class=Z").status()).isEqualTo(400);
    assertThat(http("proposals").get("/api/proposals?status=NOPE").status()).isEqualTo(400);
    assertThat(http("proposals").get("/api/proposals/999999999").status()).isEqualTo(404);
    JsonNode stats = http("proposals").get("/api/proposals/statistics?year=2026").json();
    JsonNode transport = find(stats, "unit", "transport");
    assertThat(transport.get("byClass").get("A").asInt()).isPositive();
    assertThat(transport.get("averageDaysToReply").asDouble()).isPositive();
  }

  static JsonNode find(JsonNode array, String field, String value) {
    for (JsonNode node : array) if (value.equals(node.get(field).asText())) return node;
    throw new AssertionError("no " + field + "=" + value + " in " + array);
  }

  @Test
  void merged_intoARegisteredProposal_orForwardedAsSocialOpinion() {
    Steps first = walk.review(walk.draft(walk.matter(Category.TRANSPORT, 80)), "REGISTER", null);
    String number = proposalOf(first).get("proposal").get("number").asText();

    Steps second = walk.draft(walk.matter(Category.TRANSPORT, 60));
    String offered = engine.getTaskService().getVariableLocal(second.task(ProposalProcess.TASK_REGISTRATION_REVIEW).getId(),
        ProposalProcess.Var.MERGE_TARGET_OPTIONS).toString();
    assertThat(offered).as("this year's registered proposals are offered by number and title")
        .contains("\"value\":\"" + number + "\"").contains("\"label\":\"" + number + " ");
    assertThatThrownBy(() -> walk.review(second, "MERGE", "2026-999")).hasMessageContaining("没有编号为 2026-999");
    assertThatThrownBy(() -> walk.review(second, "MERGE", null)).hasMessageContaining("并入提案号");
    assertThat(second.openTasks()).as("a refused review changes nothing").containsExactly(ProposalProcess.TASK_REGISTRATION_REVIEW);
    walk.review(second, "MERGE", number);
    assertThat(ended(second, ProposalProcess.KEY)).isTrue();
    JsonNode target = http("proposals").get("/api/proposals/" + number).json();
    assertThat(target.get("matters").findValuesAsText("trackingCode")).containsExactly(first.code(), second.code());
    assertThat(target.get("matters").findValuesAsText("how")).containsExactly("ORIGIN", "MERGED");
    JsonNode merged = http("clerk").get("/api/demands/" + second.code()).json().get("steps").get("proposals");
    assertThat(merged.findValuesAsText("status")).containsExactly("MERGED", "ASSIGNING");
    JsonNode mergedDetail = http("proposals").get("/api/proposals/" + merged.get(0).get("id").asText()).json();
    assertThat(mergedDetail.get("mergedInto").asText()).isEqualTo(number);

    Steps third = walk.draft(walk.matter(Category.HOUSING, 30));
    walk.review(third, "FORWARD", null);
    JsonNode forwarded = proposalOf(third);
    assertThat(forwarded.get("proposal").get("status").asText()).isEqualTo("FORWARDED");
    assertThat(forwarded.get("proposal").get("number").isNull()).isTrue();
    assertThat(forwarded.get("socialOpinionReports").get(0).get("reasons").asText()).isEqualTo("经审查，意见如下。");
    assertThat(forwarded.get("socialOpinionReports").get(0).get("content").asText()).contains("建议：");
    assertThat(ended(third, ProposalProcess.KEY)).isTrue();
  }

  @Test
  void classB_followUpSixMonthsLater_selfCheck_keySupervision_causes_secondHandling_thenA() {
    Steps steps = walk.registeredAndAssigned(Category.PUBLIC_SAFETY, 200, "public-security");
    at("2026-11-10T09:00:00+08:00");
    walk.reply(walk.contact(steps, "public-security", "2026-11-09"), "public-security", "B");
    walk.evaluate(steps, ProposalProcess.TASK_EVALUATION, "BASICALLY_SATISFIED", null);
    assertThat(ended(steps, ProposalProcess.KEY)).isTrue();
    assertThat(proposalOf(steps).get("proposal").get("status").asText()).isEqualTo("FOLLOW_UP_PENDING");
    assertThat(running(steps, FollowUpReviewProcess.KEY)).isTrue();

    at("2027-05-10T08:59:00+08:00");
    steps.fireDueTimers();
    assertThat(steps.openTasks()).as("six months after the reply, not before").doesNotContain(FollowUpReviewProcess.TASK_SELF_CHECK);
    at("2027-05-10T09:01:00+08:00");
    steps.fireDueTimers();
    assertThat(candidates(steps.task(FollowUpReviewProcess.TASK_SELF_CHECK).getId(), false)).containsExactly("dept-public-security");
    steps.complete(FollowUpReviewProcess.TASK_SELF_CHECK, "public-security", List.of("dept-public-security"),
        Map.of("progressReport", "监控点位已完成一半，其余列入下半年计划。", "proposedClass", "B"));
    assertThat(candidates(steps.task(FollowUpReviewProcess.TASK_INSPECTION).getId(), false)).containsExactly("leadership");
    steps.complete(FollowUpReviewProcess.TASK_INSPECTION, "leader", List.of("leadership"),
        Map.of("inspectionFindings", "有分管领导和专人负责，但资金未落实。", "inspectedClass", "B"));
    assertThatThrownBy(() -> steps.complete(FollowUpReviewProcess.TASK_CAUSE_REVIEW, "proposals", List.of("proposal-committee"),
        Map.of("causes", "专项资金未列入预算。", "secondHandlingDue", "2027-05-01"))).hasMessageContaining("应晚于今天");
    steps.complete(FollowUpReviewProcess.TASK_CAUSE_REVIEW, "proposals", List.of("proposal-committee"),
        Map.of("causes", "专项资金未列入预算。", "secondHandlingDue", "2027-06-12"));
    // 12 June 2027 is a Saturday: the second handling is due the next working day
    assertThat(steps.task(FollowUpReviewProcess.TASK_SECOND_HANDLING).getDueDate())
        .isEqualTo(Date.from(OffsetDateTime.parse("2027-06-14T17:30:00+08:00").toInstant()));
    steps.complete(FollowUpReviewProcess.TASK_SECOND_HANDLING, "public-security", List.of("dept-public-security"),
        Map.of("handlingReport", "追加预算，监控点位全部建成。", "newClass", "A"));
    walk.evaluate(steps, FollowUpReviewProcess.TASK_EVALUATION, "SATISFIED", null);

    assertThat(ended(steps, FollowUpReviewProcess.KEY)).isTrue();
    JsonNode view = proposalOf(steps);
    assertThat(view.get("proposal").get("status").asText()).isEqualTo("CLOSED");
    assertThat(view.get("proposal").get("replyClass").asText()).isEqualTo("A");
    JsonNode review = view.get("reviews").get(0);
    assertThat(review.get("classBefore").asText()).isEqualTo("B");
    assertThat(review.get("keySupervision").asBoolean()).isTrue();
    assertThat(review.get("selectionReasons").asText()).contains("公共安全");
    assertThat(review.get("inspectedClass").asText()).isEqualTo("B");
    assertThat(review.get("classAfter").asText()).isEqualTo("A");
    assertThat(view.get("replies").findValuesAsText("kind")).containsExactly("FIRST", "SECOND_HANDLING");
    assertThat(view.get("evaluations").findValuesAsText("result")).containsExactly("BASICALLY_SATISFIED", "SATISFIED");
  }

  @Test
  void classB_notSelected_stillB_reviewedAgain_untilC() {
    // a small matter on transport: selected only if the reproducible sample falls under the share; use the rules' own answer
    Steps steps = walk.registeredAndAssigned(Category.TRANSPORT, 20, "transport");
    walk.reply(walk.contact(steps, "transport", "2026-11-02"), "transport", "B");
    walk.evaluate(steps, ProposalProcess.TASK_EVALUATION, "SATISFIED", null);
    at("2027-05-03T10:01:00+08:00");
    steps.fireDueTimers();
    steps.complete(FollowUpReviewProcess.TASK_SELF_CHECK, "transport", List.of("dept-transport"),
        Map.of("progressReport", "已完成一半。", "proposedClass", "B"));
    if (steps.openTasks().contains(FollowUpReviewProcess.TASK_INSPECTION)) {
      steps.complete(FollowUpReviewProcess.TASK_INSPECTION, "leader", List.of("leadership"),
          Map.of("inspectionFindings", "进展属实。", "inspectedClass", "B"));
    }
    steps.complete(FollowUpReviewProcess.TASK_CAUSE_REVIEW, "proposals", List.of("proposal-committee"),
        Map.of("causes", "征地未完成。", "secondHandlingDue", "2027-06-30"))
        .complete(FollowUpReviewProcess.TASK_SECOND_HANDLING, "transport", List.of("dept-transport"),
            Map.of("handlingReport", "征地仍在协调。", "newClass", "B"));
    walk.evaluate(steps, FollowUpReviewProcess.TASK_EVALUATION, "BASICALLY_SATISFIED", null);
    assertThat(running(steps, FollowUpReviewProcess.KEY)).as("still B: another review").isTrue();
    assertThat(proposalOf(steps).get("proposal").get("status").asText()).isEqualTo("FOLLOW_UP_PENDING");

    at("2027-12-03T10:01:00+08:00");
    steps.fireDueTimers();
    steps.complete(FollowUpReviewProcess.TASK_SELF_CHECK, "transport", List.of("dept-transport"),
        Map.of("progressReport", "因规划调整暂缓。", "proposedClass", "C"));
    if (steps.openTasks().contains(FollowUpReviewProcess.TASK_INSPECTION)) {
      steps.complete(FollowUpReviewProcess.TASK_INSPECTION, "leader", List.of("leadership"),
          Map.of("inspectionFindings", "情况属实。", "inspectedClass", "C"));
    }
    assertThat(steps.openTasks()).as("C needs no cause review").containsExactly(FollowUpReviewProcess.TASK_EVALUATION);
    walk.evaluate(steps, FollowUpReviewProcess.TASK_EVALUATION, "SATISFIED", null);
    assertThat(running(steps, FollowUpReviewProcess.KEY)).isFalse();
    JsonNode view = proposalOf(steps);
    assertThat(view.get("reviews").findValuesAsText("classAfter")).containsExactly("B", "C");
    assertThat(view.get("proposal").get("status").asText()).isEqualTo("CLOSED");
  }

  @Test
  void classC_closesWithoutFollowUp() {
    Steps steps = walk.registeredAndAssigned(Category.EDUCATION, 50, "education");
    walk.reply(walk.contact(steps, "education", "2026-11-02"), "education", "C");
    walk.evaluate(steps, ProposalProcess.TASK_EVALUATION, "BASICALLY_SATISFIED", null);
    assertThat(running(steps, FollowUpReviewProcess.KEY)).isFalse();
    assertThat(proposalOf(steps).get("proposal").get("status").asText()).isEqualTo("CLOSED");
  }

  @Test
  void dissatisfied_reHandlingDueInOneMonth_thenSatisfied() {
    Steps steps = walk.registeredAndAssigned(Category.TRANSPORT, 50, "transport");
    assertThatThrownBy(() -> walk.reply(steps, "transport", "A")).as("no reply before the contact")
        .hasMessageContaining("open task");
    walk.reply(walk.contact(steps, "transport", "2026-11-02"), "transport", "C");
    assertThatThrownBy(() -> walk.evaluate(steps, ProposalProcess.TASK_EVALUATION, "DISSATISFIED", null))
        .hasMessageContaining("评价意见");
    at("2026-11-05T10:00:00+08:00");
    walk.evaluate(steps, ProposalProcess.TASK_EVALUATION, "DISSATISFIED", "经费问题没有回应。");
    var contact = steps.task(ProposalProcess.TASK_CONTACT);
    assertThat(contact.getDueDate()).as("one month").isEqualTo(Date.from(OffsetDateTime.parse("2026-12-07T17:30:00+08:00").toInstant()));
    assertThatThrownBy(() -> walk.reply(steps, "transport", "A")).hasMessageContaining("open task");
    walk.reply(walk.contact(steps, "transport", "2026-11-05"), "transport", "A");
    walk.evaluate(steps, ProposalProcess.TASK_EVALUATION, "SATISFIED", null);
    JsonNode view = proposalOf(steps);
    assertThat(view.get("replies").findValuesAsText("kind")).containsExactly("FIRST", "RE_HANDLING");
    assertThat(view.get("contacts").findValuesAsText("round")).containsExactly("1", "2");
    assertThat(view.get("evaluations").findValuesAsText("result")).containsExactly("DISSATISFIED", "SATISFIED");
    assertThat(view.get("proposal").get("status").asText()).isEqualTo("CLOSED");
  }

  @Test
  void noEvaluationWithin15Days_isRecordedAsDefaultedSatisfied() {
    Steps steps = walk.registeredAndAssigned(Category.TRANSPORT, 50, "transport");
    walk.reply(walk.contact(steps, "transport", "2026-11-02"), "transport", "A");
    at("2026-11-17T09:59:00+08:00");
    steps.fireDueTimers();
    assertThat(steps.openTasks()).contains(ProposalProcess.TASK_EVALUATION);
    at("2026-11-17T10:01:00+08:00");
    steps.fireDueTimers();
    assertThat(ended(steps, ProposalProcess.KEY)).isTrue();
    JsonNode evaluation = proposalOf(steps).get("evaluations").get(0);
    assertThat(evaluation.get("result").asText()).isEqualTo("SATISFIED");
    assertThat(evaluation.get("defaulted").asBoolean()).isTrue();
    assertThat(evaluation.get("evaluatedBy").asText()).isEqualTo("system");
  }

  @Test
  void theThreeMonthClock_remindsBreachesIntoSupervision_andTheReplyClosesTheBreach() {
    Steps steps = walk.registeredAndAssigned(Category.HOUSING, 50, "housing");
    at("2027-01-20T10:00:00+08:00"); // past 75 % of the working time to 2 Feb 2027
    steps.fireDueTimers();
    assertThat(steps.task(ProposalProcess.TASK_CONTACT).getFollowUpDate()).as("reminded").isNotNull();
    at("2027-02-02T17:31:00+08:00");
    steps.fireDueTimers();
    assertThat(steps.openTasks()).contains(ProposalProcess.TASK_CONTACT, ProposalProcess.TASK_SUPERVISE);
    JsonNode breaches = http("supervisor").get("/api/sla/breaches?status=OPEN&department=housing").json();
    JsonNode breach = null;
    for (JsonNode b : breaches) if (steps.code().equals(b.get("trackingCode").asText())) breach = b;
    assertThat(breach).as("the proposal's breach is on the supervisors' list").isNotNull();
    assertThat(breach.toString()).contains("提案答复");
    steps.complete(ProposalProcess.TASK_SUPERVISE, "supervisor", List.of("supervisor"),
        Map.of("supervisionAction", "PHONE", "supervisionNote", "已电话督促住建局尽快答复。"));
    walk.reply(walk.contact(steps, "housing", "2027-02-02"), "housing", "A");
    JsonNode closed = http("supervisor").get("/api/sla/breaches?status=CLOSED&department=housing").json();
    assertThat(closed.findValuesAsText("trackingCode")).contains(steps.code());
    assertThat(proposalOf(steps).get("replies").get(0).get("onTime").asBoolean()).isFalse();
  }

  /** What Tasklist sends for the assignment form: the unit select as a string, the co-unit taglist as a Json array. */
  @Test
  void assignment_throughTasklistsSubmitForm_withTheTaglistAsJson() {
    Steps steps = walk.review(walk.draft(walk.matter(Category.WATER, 40)), "REGISTER", null);
    String taskId = steps.task(ProposalProcess.TASK_ASSIGN).getId();
    JsonNode options = http("proposals").get("/engine-rest/task/" + taskId + "/form-variables?deserializeValues=false").json();
    assertThat(options.get("unitOptions").get("type").asText()).isEqualTo("Json");
    assertThat(options.get("unitOptions").get("value").asText()).contains("{\"label\":\"水利局\",\"value\":\"water\"}");
    Http.Response refused = http("proposals").post("/engine-rest/task/" + taskId + "/submit-form", Map.of("variables", Map.of(
        "leadUnit", Map.of("value", "water"), "coUnits", Map.of("type", "Json", "value", "[\"water\"]"))));
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.json().get("message").asText()).contains("协办单位不能与主办单位相同");
    Http.Response done = http("proposals").post("/engine-rest/task/" + taskId + "/submit-form", Map.of("variables", Map.of(
        "leadUnit", Map.of("value", "water"), "coUnits", Map.of("type", "Json", "value", "[\"township\",\"agriculture\"]"))));
    assertThat(done.status()).isEqualTo(204);
    JsonNode proposal = proposalOf(steps).get("proposal");
    assertThat(proposal.get("leadUnit").asText()).isEqualTo("water");
    assertThat(proposal.get("coUnits").findValuesAsText("")).isEmpty();
    assertThat(proposal.get("coUnits").toString()).isEqualTo("[\"township\",\"agriculture\"]");
    assertThat(engine.getTaskService().createTaskQuery().processInstanceBusinessKey(steps.code())
        .taskDefinitionKey(ProposalProcess.TASK_CO_OPINION).count()).isEqualTo(2);
  }

  /** The draft form offers the members by name; Tasklist submits the picked accounts as a Json array, each checked. */
  @Test
  void draft_throughTasklistsSubmitForm_proposersPickedByName() throws Exception {
    Steps steps = walk.matter(Category.TRANSPORT, 40);
    String taskId = steps.task(ProposalProcess.TASK_DRAFT).getId();
    JsonNode form = http("liaison").get("/engine-rest/task/" + taskId + "/form-variables?deserializeValues=false").json();
    JsonNode members = new com.fasterxml.jackson.databind.ObjectMapper().readTree(form.get("memberOptions").get("value").asText());
    assertThat(members.findValuesAsText("label")).contains("李委员", "赵委员");
    assertThat(members.findValuesAsText("value")).contains("member1", "member2").doesNotContain("transport", "liaison");
    assertThat(form.get("proposerPicks").get("value").asText()).as("the collecting member, picked already").isEqualTo("[\"member1\"]");
    Map<String, Object> texts = Map.of("proposalTitle", Map.of("value", "关于村组道路养护的提案"),
        "proposalReasons", Map.of("value", "村组道路缺少养护经费和责任主体。"), "proposalSuggestions", Map.of("value", "建立道路养护责任制度。"));
    Map<String, Object> forged = new java.util.HashMap<>(texts);
    forged.put("proposerPicks", Map.of("type", "Json", "value", "[\"member1\",\"transport\"]"));
    Http.Response refused = http("liaison").post("/engine-rest/task/" + taskId + "/submit-form", Map.of("variables", forged));
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.json().get("message").asText()).contains("「提案人」只能从委员名单中选择");
    assertThat(steps.openTasks()).as("nothing changed").contains(ProposalProcess.TASK_DRAFT);
    Map<String, Object> picked = new java.util.HashMap<>(texts);
    picked.put("proposerPicks", Map.of("type", "Json", "value", "[\"member1\",\"member2\"]"));
    assertThat(http("liaison").post("/engine-rest/task/" + taskId + "/submit-form", Map.of("variables", picked)).status())
        .isEqualTo(204);
    JsonNode proposal = proposalOf(steps).get("proposal");
    assertThat(proposal.get("proposers").asText()).isEqualTo("李委员、赵委员");
    assertThat(engine.getTaskService().getVariable(steps.task(ProposalProcess.TASK_REGISTRATION_REVIEW).getId(), "proposerIds"))
        .isEqualTo("member1,member2");
  }
}
