package cn.shangliang.rules;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shangliang.support.Demands;
import cn.shangliang.support.Http;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.MethodOrderer;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Rules change without rebuild or restart; a broken change is refused and the rules in force stay. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestMethodOrder(MethodOrderer.MethodName.class)
@org.springframework.test.context.TestExecutionListeners(listeners = cn.shangliang.support.EngineRegistration.class,
    mergeMode = org.springframework.test.context.TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
class RulesReloadTest {
  static final Path RULES = RuleBaseLoaderTest.temporaryCopy("shangliang-rules");

  @DynamicPropertySource
  static void rulesFolder(DynamicPropertyRegistry registry) {
    registry.add("shangliang.rules-dir", RULES::toString);
    registry.add("shangliang.rules-watch", () -> "true");
  }

  @AfterAll
  static void restore() throws IOException {
    RuleBaseLoaderTest.delete(RULES);
  }

  @LocalServerPort int port;

  Http http() {
    return new Http(port);
  }

  String standardDeadline() {
    return http().as("clerk").post("/api/routing/preview?at=2026-11-23T10:00:00%2B08:00", Demands.body()).json()
        .get("deadline").asText();
  }

  void editPolicy(String from, String to) throws IOException {
    Path policy = RULES.resolve("routing/routing-policy.yaml");
    Files.writeString(policy, Files.readString(policy).replace(from, to));
  }

  @Test
  void a_listsTheFilesInForce_forAdminsAndDesignersOnly() {
    JsonNode inForce = http().as("admin").get("/api/admin/rules").json();
    assertThat(inForce.get("files").findValuesAsText("path")).contains("routing/routing.drl", "calendar/2026.yaml");
    assertThat(inForce.get("files").get(0).get("sha256").asText()).hasSize(64);
    assertThat(inForce.get("loadedAt").asText()).endsWith("+08:00");
    assertThat(inForce.has("lastRefusal")).isTrue();
    assertThat(inForce.get("lastRefusal").isNull()).as("nothing refused yet").isTrue();
    assertThat(http().as("designer").get("/api/admin/rules").json().get("checksum")).isEqualTo(inForce.get("checksum"));
    assertThat(http().as("clerk").get("/api/admin/rules").status()).isEqualTo(403);
    assertThat(http().as("clerk").post("/api/admin/rules/reload", "").status()).isEqualTo(403);
  }

  @Test
  void b_aValidChange_takesEffectOnReload_withoutRestart() throws IOException {
    assertThat(standardDeadline()).isEqualTo("2026-12-07T17:30:00+08:00");
    String before = http().as("admin").get("/api/admin/rules").json().get("checksum").asText();
    editPolicy("STANDARD:  { workingDays: 10 }", "STANDARD:  { workingDays: 12 }");
    Http.Response reloaded = http().as("admin").post("/api/admin/rules/reload", "");
    assertThat(reloaded.status()).isEqualTo(200);
    assertThat(reloaded.json().get("checksum").asText()).isNotEqualTo(before);
    assertThat(standardDeadline()).isEqualTo("2026-12-09T17:30:00+08:00");
  }

  @Test
  void c_aBrokenDrl_isRefusedWith422_andTheRulesInForceStay() throws IOException {
    String inForce = http().as("admin").get("/api/admin/rules").json().get("checksum").asText();
    Path drl = RULES.resolve("routing/routing.drl");
    String good = Files.readString(drl);
    Files.writeString(drl, good.replace("RoutingFacts( needsPolicyChange )", "RoutingFacts( needsPolicyChange == )"));
    try {
      Http.Response refused = http().as("admin").post("/api/admin/rules/reload", "");
      assertThat(refused.status()).isEqualTo(422);
      assertThat(refused.header("content-type")).startsWith("application/problem+json");
      assertThat(refused.json().get("messages").get(0).asText()).startsWith("routing/routing.drl:");
      assertThat(refused.json().get("checksumInForce").asText()).isEqualTo(inForce);
      assertThat(http().as("admin").get("/api/admin/rules").json().get("checksum").asText()).isEqualTo(inForce);
      assertThat(http().as("clerk").post("/api/routing/preview", Demands.with(Demands.body(), "needsPolicyChange", true))
          .json().get("route").asText()).isEqualTo("PROPOSAL");
    } finally {
      Files.writeString(drl, good);
    }
  }

  @Test
  void d_changingAFile_isPickedUpWithoutAnyCall() throws Exception {
    String before = http().as("admin").get("/api/admin/rules").json().get("checksum").asText();
    editPolicy("URGENT:    { workingDays: 3 }", "URGENT:    { workingDays: 4 }");
    Instant giveUp = Instant.now().plus(Duration.ofSeconds(30));
    while (http().as("admin").get("/api/admin/rules").json().get("checksum").asText().equals(before)) {
      assertThat(Instant.now()).as("the watcher did not reload within 30 s").isBefore(giveUp);
      Thread.sleep(200);
    }
    assertThat(http().as("clerk").post("/api/routing/preview?at=2026-11-23T10:00:00%2B08:00",
        Demands.with(Demands.body(), "urgency", "URGENT")).json().get("deadline").asText()).isEqualTo("2026-11-27T17:30:00+08:00");
  }

  @org.springframework.beans.factory.annotation.Autowired org.camunda.bpm.engine.ProcessEngine engine;
  @org.springframework.beans.factory.annotation.Autowired cn.shangliang.intake.IntakeService intake;
  @org.springframework.beans.factory.annotation.Autowired cn.shangliang.consultation.VillageAssignments villages;

  /** A deployment using the four-class scheme A/B/C/D changes only rules/proposals/reply-classes.yaml. */
  @Test
  void e_aFourClassReplyScheme_isSwitchedByDataOnly() throws IOException {
    Path classes = RULES.resolve("proposals/reply-classes.yaml");
    String three = Files.readString(classes);
    Files.writeString(classes, """
        scheme: 四类（A/B/C/D）
        classes:
          - code: A
            label: 已解决或采纳
            followUp: false
          - code: B
            label: 正在解决
            followUp: true
          - code: C
            label: 列入计划逐步解决
            followUp: true
          - code: D
            label: 因条件限制留作参考
            followUp: false
        """);
    try {
      assertThat(http().as("admin").post("/api/admin/rules/reload", "").status()).isEqualTo(200);
      var walk = new cn.shangliang.support.ProposalWalk(engine, intake, villages);
      var steps = walk.contact(walk.registeredAndAssigned(cn.shangliang.routing.Category.TRANSPORT, 30, "transport"),
          "transport", java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString());
      var reply = steps.task("UserTask_ProposalReply");
      assertThat(engine.getTaskService().getVariable(reply.getId(), "replyClassOptions").toString())
          .contains("\"D\"", "因条件限制留作参考");
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> walk.reply(steps, "transport", "E"))
          .hasMessageContaining("四类（A/B/C/D）");
      walk.reply(steps, "transport", "C");
      walk.evaluate(steps, "UserTask_ProposerEvaluation", "SATISFIED", null);
      assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(steps.code())
          .processDefinitionKey("FollowUpReviewProcess").count()).as("C calls for follow-up in this scheme").isEqualTo(1);
      JsonNode listed = http().as("proposals").get("/api/proposals?class=C&unit=transport").json();
      assertThat(listed.findValuesAsText("replyClassLabel")).contains("C类（列入计划逐步解决）");
      assertThat(http().as("proposals").get("/api/proposals?class=D").status()).isEqualTo(200);
      assertThat(http().as("proposals").get("/api/proposals?class=E").status()).isEqualTo(400);
    } finally {
      Files.writeString(classes, three);
      http().as("admin").post("/api/admin/rules/reload", "");
    }
  }

  JsonNode year(int year) {
    for (JsonNode y : http().as("supervisor").get("/api/calendar/years").json().get("years")) {
      if (y.get("year").asInt() == year) return y;
    }
    throw new AssertionError("year " + year + " is not listed");
  }

  String deadlineBeforeSpringFestival2027() {
    return http().as("clerk").get("/api/calendar/deadline?from=2027-02-04T10:00:00%2B08:00&workingDays=1").json()
        .get("deadline").asText();
  }

  /** Issue #20: a notice file that contradicts itself is refused with the reason; a good one publishes its year. */
  @Test
  void f_aContradictoryNotice_isRefused_andAGoodOnePublishesItsYear() throws IOException {
    Path notice = RULES.resolve("calendar/2027.yaml");
    assertThat(year(2027).get("status").asText()).isEqualTo("PROVISIONAL");
    assertThat(year(2027).get("file").asText()).isEqualTo("calendar/statutory-holidays.yaml");
    assertThat(year(2027).get("sha256").asText()).hasSize(64);
    assertThat(year(2026).get("status").asText()).isEqualTo("PUBLISHED");
    assertThat(deadlineBeforeSpringFestival2027()).as("by law: 5–10 Feb off").isEqualTo("2027-02-11T17:30:00+08:00");
    String header = "year: 2027\nsource: 测试用通知\n";
    try {
      Files.writeString(notice, header + "holidays: [ { name: 春节, from: 2027-02-05, to: 2027-02-11 } ]\n"
          + "makeUpWorkdays: [ { date: 2027-02-08, note: 自相矛盾 } ]\n");
      Http.Response both = http().as("admin").post("/api/admin/rules/reload", "");
      assertThat(both.status()).isEqualTo(422);
      assertThat(both.json().get("detail").asText()).contains("calendar/2027.yaml", "2027-02-08 is both a holiday and a make-up working day");
      assertThat(year(2027).get("status").asText()).as("the old calendar stays").isEqualTo("PROVISIONAL");

      Files.writeString(notice, header + "holidays: [ { name: 元旦, from: 2027-12-31, to: 2028-01-01 } ]\n");
      Http.Response outside = http().as("admin").post("/api/admin/rules/reload", "");
      assertThat(outside.status()).isEqualTo(422);
      assertThat(outside.json().get("detail").asText()).contains("holiday 2028-01-01 is not in 2027");
      assertThat(deadlineBeforeSpringFestival2027()).isEqualTo("2027-02-11T17:30:00+08:00");

      Files.writeString(notice, header + "holidays: [ { name: 春节, from: 2027-02-05, to: 2027-02-12 } ]\n"
          + "makeUpWorkdays: [ { date: 2027-02-20, note: 调休上班 } ]\n");
      assertThat(http().as("admin").post("/api/admin/rules/reload", "").status()).isEqualTo(200);
      JsonNode published = year(2027);
      assertThat(published.get("status").asText()).isEqualTo("PUBLISHED");
      assertThat(published.get("provisional").asBoolean()).isFalse();
      assertThat(published.get("source").asText()).isEqualTo("测试用通知");
      assertThat(published.get("file").asText()).isEqualTo("calendar/2027.yaml");
      assertThat(published.get("makeUpWorkdays").get(0).asText()).isEqualTo("2027-02-20");
      JsonNode deadline = http().as("clerk").get("/api/calendar/deadline?from=2027-02-04T10:00:00%2B08:00&workingDays=1").json();
      assertThat(deadline.get("deadline").asText()).isEqualTo("2027-02-15T17:30:00+08:00");
      assertThat(deadline.get("provisional").asBoolean()).isFalse();
    } finally {
      Files.deleteIfExists(notice);
      http().as("admin").post("/api/admin/rules/reload", "");
    }
    assertThat(year(2027).get("status").asText()).as("withdrawn: by law again").isEqualTo("PROVISIONAL");
    assertThat(deadlineBeforeSpringFestival2027()).isEqualTo("2027-02-11T17:30:00+08:00");
  }

  JsonNode lastRefusal() {
    return http().as("designer").get("/api/admin/rules").json().get("lastRefusal");
  }

  static int lineOf(String text, String part) {
    return text.substring(0, text.indexOf(part)).split("\n", -1).length;
  }

  /** Issue #21, item 4: a refused change stays visible, with file and line, until a reload puts the folder in force. */
  @Test
  void g_aRefusedChange_isShownInTheRulesState_untilAReloadSucceeds() throws IOException {
    String inForce = http().as("designer").get("/api/admin/rules").json().get("checksum").asText();
    Path drl = RULES.resolve("routing/routing.drl");
    Path policy = RULES.resolve("routing/routing-policy.yaml");
    String goodDrl = Files.readString(drl);
    String goodPolicy = Files.readString(policy);
    try {
      Files.writeString(drl, goodDrl.replace("RoutingFacts( needsPolicyChange )", "RoutingFacts( needsPolicyChange == )"));
      assertThat(http().as("designer").post("/api/admin/rules/reload", "").status()).isEqualTo(422);
      JsonNode refusal = lastRefusal();
      int line = lineOf(goodDrl, "RoutingFacts( needsPolicyChange )");
      assertThat(refusal.get("files").size()).isOne();
      assertThat(refusal.get("files").get(0).asText()).isEqualTo("routing/routing.drl");
      assertThat(refusal.get("changedFiles").size()).isOne();
      assertThat(refusal.get("changedFiles").get(0).asText()).isEqualTo("routing/routing.drl");
      assertThat(refusal.get("line").asInt()).isEqualTo(line);
      assertThat(refusal.get("message").asText()).startsWith("routing/routing.drl:" + line + ": ");
      assertThat(refusal.get("problems").get(0).get("file").asText()).isEqualTo("routing/routing.drl");
      assertThat(refusal.get("problems").get(0).get("line").asInt()).isEqualTo(line);
      assertThat(refusal.get("stillInForce").asText()).isEqualTo(inForce);
      assertThat(refusal.get("at").asText()).endsWith("+08:00");
      assertThat(http().as("designer").get("/api/admin/rules").json().get("checksum").asText()).isEqualTo(inForce);

      Files.writeString(drl, goodDrl);
      Files.writeString(policy, goodPolicy.replace("highCostYuan: 1000000", "highCostYuan: 一百万"));
      assertThat(http().as("designer").post("/api/admin/rules/reload", "").status()).isEqualTo(422);
      refusal = lastRefusal();
      assertThat(refusal.get("files").get(0).asText()).isEqualTo("routing/routing-policy.yaml");
      assertThat(refusal.get("changedFiles").get(0).asText()).isEqualTo("routing/routing-policy.yaml");
      assertThat(refusal.get("line").asInt()).as("the YAML parser's line").isEqualTo(lineOf(goodPolicy, "highCostYuan"));
      assertThat(refusal.get("message").asText()).startsWith("routing/routing-policy.yaml: ").contains("一百万");
      assertThat(refusal.get("stillInForce").asText()).isEqualTo(inForce);
    } finally {
      Files.writeString(drl, goodDrl);
      Files.writeString(policy, goodPolicy);
    }
    Http.Response reloaded = http().as("designer").post("/api/admin/rules/reload", "");
    assertThat(reloaded.status()).isEqualTo(200);
    assertThat(reloaded.json().get("lastRefusal").isNull()).isTrue();
    assertThat(lastRefusal().isNull()).as("cleared by the reload that succeeded").isTrue();
    assertThat(http().as("designer").get("/api/admin/rules").json().get("checksum").asText()).isEqualTo(inForce);
  }
}
