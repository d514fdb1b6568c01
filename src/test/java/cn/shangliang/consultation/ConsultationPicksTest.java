package cn.shangliang.consultation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.shangliang.intake.Channel;
import cn.shangliang.intake.DemandQueries;
import cn.shangliang.intake.DemandRequest;
import cn.shangliang.intake.DemandView;
import cn.shangliang.intake.IntakeService;
import cn.shangliang.routing.Category;
import cn.shangliang.routing.Scope;
import cn.shangliang.routing.Urgency;
import cn.shangliang.support.PlatformTest;
import cn.shangliang.support.Steps;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.Spin;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue #22: the consultation forms offer people and units to pick and send structured records back; the
 * investigation starts from what intake recorded and a correction that changes the route needs a reason.
 */
@PlatformTest
class ConsultationPicksTest {
  @Autowired ProcessEngine engine;
  @Autowired IntakeService intake;
  @Autowired DemandQueries queries;
  @Autowired TaskService tasks;
  @Autowired ObjectMapper json;
  @Autowired ConsultationRecords records;

  /** A road matter as intake records it: one village, 1000 yuan, 5 people, no policy change. */
  Steps submit() {
    String unique = UUID.randomUUID().toString().substring(0, 8);
    IntakeService.Submitted submitted = intake.submit(new DemandRequest("选择测试 " + unique, "诉求内容 " + unique,
        Category.TRANSPORT, Scope.VILLAGE, Urgency.NORMAL, Channel.MEMBER_VISIT, "中峰镇", "选择村" + unique,
        new DemandRequest.Submitter("张三", "13812341234"), false, false, new BigDecimal("1000"), 1, List.of(), 5,
        null, null, null, null, null), null, "clerk");
    return new Steps(engine, submitted.demand().getTrackingCode());
  }

  JsonNode view(Steps steps) {
    DemandView view = queries.view(queries.find(steps.code()));
    return json.valueToTree(view);
  }

  /** The recorded facts, unchanged: what the form sends when the investigator confirms them. */
  static Map<String, Object> confirmed(Object... overrides) {
    Map<String, Object> vars = new HashMap<>(Steps.investigation("investigatedAffectedPeople", 5L, "investigatedCostYuan", 1000L,
        "investigatedScope", "VILLAGE"));
    vars.remove("correctionReason");
    for (int i = 0; i + 1 < overrides.length; i += 2) vars.put((String) overrides[i], overrides[i + 1]);
    return vars;
  }

  @Test
  void investigationOpensWithTheRecordedFacts() {
    Steps steps = submit();
    Task task = steps.task("UserTask_Investigate");
    Map<String, Object> local = tasks.getVariables(task.getId());
    assertThat(local).containsEntry("investigatedScope", "VILLAGE").containsEntry("recordedScope", "VILLAGE")
        .containsEntry("investigatedAffectedPeople", 5).containsEntry("investigatedCostYuan", 1000.0)
        .containsEntry("investigatedNeedsPolicyChange", false).containsEntry("recordedNeedsPolicyChange", false);
    assertThat((String) local.get("recordedFacts")).contains("涉及范围：村/社区").contains("预估费用：1000元");

    steps.complete("UserTask_Investigate", "liaison", List.of("liaison-office"), confirmed());
    assertThat(view(steps).get("history").findValuesAsText("kind")).doesNotContain("FACTS_CORRECTED");
  }

  @Test
  void aCorrectionThatChangesTheRouteNeedsAReasonAndIsInTheHistory() {
    Steps steps = submit();
    Map<String, Object> corrected = confirmed("investigatedNeedsPolicyChange", true, "investigatedScope", "COUNTY",
        "investigatedCostYuan", 2_000_000L);
    assertThatThrownBy(() -> steps.complete("UserTask_Investigate", "liaison", List.of("liaison-office"), corrected))
        .hasMessageContaining("提交后分流将由「").hasMessageContaining("」改为「").hasMessageContaining("更正理由");
    assertThat(view(steps).get("scope").asText()).as("a refused submission changes nothing").isEqualTo("VILLAGE");

    corrected.put("correctionReason", "走访核实：需全县统一出台路灯维护政策");
    steps.complete("UserTask_Investigate", "liaison", List.of("liaison-office"), corrected);
    JsonNode history = view(steps).get("history");
    String detail = history.findValues("detail").stream().map(JsonNode::asText).filter(d -> d.startsWith("调查更正")).findFirst()
        .orElseThrow();
    assertThat(detail).contains("涉及范围 村/社区→县/区").contains("需要制定或调整政策 否→是").contains("分流由「")
        .contains("更正理由：走访核实：需全县统一出台路灯维护政策");
  }

  @Test
  void membersAreCheckedAgainstTheMemberList() {
    Steps steps = submit().complete("UserTask_Investigate", "liaison", List.of("liaison-office"), confirmed())
        .complete("UserTask_ScheduleMeeting", "convenor", List.of("convenor"), Steps.meetingSchedule());
    Task task = steps.task("UserTask_RecordMeeting");
    String options = tasks.getVariableLocal(task.getId(), "memberOptions").toString();
    assertThat(options).contains("\"value\":\"member1\"").doesNotContain("\"value\":\"convenor\"");

    assertThatThrownBy(() -> steps.complete("UserTask_RecordMeeting", "convenor", List.of("convenor"),
        Steps.meetingRecord("attendingMembers", Spin.JSON("[\"member1\",\"convenor\"]"))))
        .hasMessageContaining("「convenor」不是政协委员");
    steps.complete("UserTask_RecordMeeting", "convenor", List.of("convenor"),
        Steps.meetingRecord("attendingMembers", Spin.JSON("[\"member1\",\"member2\"]")));
    assertThat(records.meetings(queries.find(steps.code()).getId()).get(0).attendingMembers())
        .containsExactly("member1", "member2");
  }

  @Test
  void actionItemsAreRowsWithAUnitFromTheList() {
    Steps steps = submit().complete("UserTask_Investigate", "liaison", List.of("liaison-office"), confirmed())
        .complete("UserTask_ScheduleMeeting", "convenor", List.of("convenor"), Steps.meetingSchedule())
        .complete("UserTask_RecordMeeting", "convenor", List.of("convenor"), Steps.meetingRecord());
    Task task = steps.task("UserTask_Decide");
    assertThat(tasks.getVariableLocal(task.getId(), "ownerOptions").toString())
        .contains("\"交通运输局\"").contains("\"transport\"").contains("village-committee");

    assertThatThrownBy(() -> steps.complete("UserTask_Decide", "convenor", List.of("convenor"), Steps.decision("actionItems",
        Spin.JSON("[{\"description\":\"修补路面\",\"owner\":\"ministry-of-magic\",\"dueDate\":\"2026-12-31\"}]"))))
        .hasMessageContaining("负责单位「ministry-of-magic」不在承办单位名单中");
    assertThatThrownBy(() -> steps.complete("UserTask_Decide", "convenor", List.of("convenor"), Steps.decision("actionItems",
        Spin.JSON("[{\"description\":\"修补路面\",\"owner\":\"transport\"}]"))))
        .hasMessageContaining("落实事项第1项请填写事项、负责单位和完成日期");

    steps.complete("UserTask_Decide", "convenor", List.of("convenor"), Steps.decision("actionItems", Spin.JSON("["
        + "{\"description\":\"修补积水路段\",\"owner\":\"transport\",\"dueDate\":\"2026-12-31\"},"
        + "{\"description\":\"组织村民监督施工\",\"owner\":\"village-committee\",\"dueDate\":\"2027-01-15\"},"
        + "{\"description\":\"\",\"owner\":null,\"dueDate\":null}]")));
    JsonNode items = view(steps).get("steps").get("decisions").get(0).get("actionItems");
    assertThat(items).hasSize(2);
    assertThat(items.get(0).get("owner").asText()).isEqualTo("交通运输局");
    assertThat(items.get(1).get("owner").asText()).isEqualTo("村（居）委会");
    assertThat(items.get(1).get("dueDate").asText()).isEqualTo("2027-01-15");
  }

  @Test
  void inviteesAreRowsOfNameAndKind() {
    Steps steps = submit().complete("UserTask_Investigate", "liaison", List.of("liaison-office"), confirmed());
    assertThatThrownBy(() -> steps.complete("UserTask_ScheduleMeeting", "convenor", List.of("convenor"), Steps.meetingSchedule(
        "meetingForm", "ONLINE", "meetingTime", "2036-06-10T19:00", "onlineInvitees",
        Spin.JSON("[{\"name\":\"王五\",\"kind\":\"ALIENS\"}]")))).hasMessageContaining("身份无效");
    steps.complete("UserTask_ScheduleMeeting", "convenor", List.of("convenor"), Steps.meetingSchedule(
        "meetingForm", "ONLINE", "meetingTime", "2036-06-10T19:00", "onlineInvitees",
        Spin.JSON("[{\"name\":\"王大爷\",\"kind\":\"RESIDENTS\"},{\"name\":\"沿街商户代表\",\"kind\":\"STAKEHOLDERS\"},"
            + "{\"name\":\"\",\"kind\":\"RESIDENTS\"}]")));
    Task task = steps.task("UserTask_RecordMeeting");
    String links = (String) tasks.getVariable(task.getId(), "onlineRoundLinks");
    assertThat(links).contains("王大爷").contains("沿街商户代表");
  }
  /** 落实事项 as Tasklist sends the form's fixed rows: one field per part, a bad date names its row and changes nothing. */
  @Test
  void actionItemRowsAreReadAndABadDateNamesItsRow() {
    Steps steps = submit().complete("UserTask_Investigate", "liaison", List.of("liaison-office"), confirmed())
        .complete("UserTask_ScheduleMeeting", "convenor", List.of("convenor"), Steps.meetingSchedule())
        .complete("UserTask_RecordMeeting", "convenor", List.of("convenor"), Steps.meetingRecord());
    Map<String, Object> rows = Steps.decision("actionItem1Description", "修补积水路段", "actionItem1Owner", "transport",
        "actionItem1Due", "2026-12-31", "actionItem2Description", "组织村民监督施工", "actionItem2Owner", "village-committee",
        "actionItem2Due", "2027-02-30");

    assertThatThrownBy(() -> steps.complete("UserTask_Decide", "convenor", List.of("convenor"), rows))
        .hasMessageContaining("落实事项第2项的完成日期");
    assertThat(steps.task("UserTask_Decide")).as("the refused decision left the task open").isNotNull();
    assertThat(view(steps).get("steps").path("decisions")).as("nothing recorded").isEmpty();

    rows.put("actionItem2Due", "2027-01-15");
    rows.put("actionItem3Description", "");
    steps.complete("UserTask_Decide", "convenor", List.of("convenor"), rows);
    JsonNode items = view(steps).get("steps").get("decisions").get(0).get("actionItems");
    assertThat(items).hasSize(2);
    assertThat(items.get(0).get("description").asText()).isEqualTo("修补积水路段");
    assertThat(items.get(0).get("owner").asText()).isEqualTo("交通运输局");
    assertThat(items.get(1).get("owner").asText()).isEqualTo("村（居）委会");
    assertThat(items.get(1).get("dueDate").asText()).isEqualTo("2027-01-15");
  }

  /** 网络协商邀请名单 as the form's fixed rows: a name and a kind picked from the list. */
  @Test
  void inviteeRowsAreRead() {
    Steps steps = submit().complete("UserTask_Investigate", "liaison", List.of("liaison-office"), confirmed());
    assertThatThrownBy(() -> steps.complete("UserTask_ScheduleMeeting", "convenor", List.of("convenor"), Steps.meetingSchedule(
        "meetingForm", "ONLINE", "meetingTime", "2036-06-10T19:00", "invitee1Name", "王大爷", "invitee2Name", "李四",
        "invitee2Kind", "ALIENS"))).hasMessageContaining("邀请名单第2位的身份无效");
    steps.complete("UserTask_ScheduleMeeting", "convenor", List.of("convenor"), Steps.meetingSchedule(
        "meetingForm", "ONLINE", "meetingTime", "2036-06-10T19:00", "invitee1Name", "王大爷", "invitee1Kind", "RESIDENTS",
        "invitee2Name", "沿街商户代表", "invitee2Kind", "STAKEHOLDERS", "invitee3Kind", "RESIDENTS"));
    String links = (String) tasks.getVariable(steps.task("UserTask_RecordMeeting").getId(), "onlineRoundLinks");
    assertThat(links).contains("王大爷").contains("沿街商户代表");
  }
}
