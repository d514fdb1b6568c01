package cn.shangliang.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shangliang.support.Demands;
import cn.shangliang.support.Http;
import cn.shangliang.support.PlatformTest;
import cn.shangliang.support.Steps;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The staff inbox: task names that say what they are about, filters for the groups they concern. */
@PlatformTest
class InboxTest {
  @LocalServerPort int port;
  @Autowired ProcessEngine engine;

  @AfterEach
  void reset() {
    ClockUtil.reset();
  }

  List<String> filters(String user) {
    return new Http(port).as(user).get("/engine-rest/filter?resourceType=Task").json().findValuesAsText("name");
  }

  String filterId(String name) {
    return engine.getFilterService().createFilterQuery().filterName(name).singleResult().getId();
  }

  @Test
  void everyoneSeesTheDailyFilters_supervisionAndFollowUpOnlyWhomTheyConcern() {
    assertThat(filters("clerk")).contains("我的待办", "本组待办", "即将到期", "已超期").doesNotContain("待我督办", "回头看");
    assertThat(filters("supervisor")).contains("我的待办", "待我督办").doesNotContain("回头看");
    assertThat(filters("leader")).contains("待我督办", "回头看");
    assertThat(filters("transport")).contains("本组待办", "回头看").doesNotContain("待我督办");
    assertThat(filters("proposals")).contains("回头看").doesNotContain("待我督办");
  }

  @Test
  void taskNamesCarryTheMatter_andSupervisionTasksAreInTheSupervisorsFilter() {
    ClockUtil.setCurrentTime(Date.from(OffsetDateTime.parse("2026-09-30T20:00:00+08:00").toInstant()));
    String code = new Http(port).as("clerk").post("/api/demands", Demands.with(Demands.with(Demands.with(Demands.body(),
        "urgency", "EMERGENCY"), "category", "WATER"), "title", "暴雨后桥头路段积水冲毁，车辆无法通行，村民出行受阻需要抢修，请尽快处置"))
        .json().get("trackingCode").asText();
    Steps steps = new Steps(engine, code);
    var reply = steps.task("UserTask_DepartmentReply");
    JsonNode form = new Http(port).as("water").get("/engine-rest/task/" + reply.getId() + "/form-variables").json();
    assertThat(form.get("taskDeadline").get("value").asText()).isEqualTo("2026-10-01 20:00");
    assertThat(form.get("taskHistory").get("value").asText()).contains("2026-09-30 20:00").contains("特急");
    assertThat(steps.task("UserTask_DepartmentReply").getName()).isEqualTo("部门答复：暴雨后桥头路段积水冲毁，车辆无法通行，村民出行受阻需要抢修，…");
    ClockUtil.setCurrentTime(Date.from(OffsetDateTime.parse("2026-10-01T20:01:00+08:00").toInstant()));
    steps.fireDueTimers();
    String supervise = steps.task("UserTask_Supervise").getId();
    assertThat(steps.task("UserTask_Supervise").getName()).startsWith("督办：暴雨后桥头路段");
    JsonNode listed = new Http(port).as("supervisor").post("/engine-rest/filter/" + filterId("待我督办") + "/list?maxResults=500", "{}")
        .json();
    assertThat(listed.findValuesAsText("id")).contains(supervise);
    // Tasklist's search by tracking code: a process-variable query on the filter
    JsonNode byCode = new Http(port).as("water").post("/engine-rest/filter/" + filterId("本组待办") + "/list",
        "{\"processVariables\":[{\"name\":\"trackingCode\",\"operator\":\"eq\",\"value\":\"" + code + "\"}]}").json();
    assertThat(byCode.findValuesAsText("taskDefinitionKey")).containsExactly("UserTask_DepartmentReply");
  }

  /** Tasklist, Cockpit, Admin and the welcome page in Chinese for every browser: every string of the webjar's English has a translation. */
  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void theChineseWebapps_translateEveryString(String app) throws Exception {
    var json = new com.fasterxml.jackson.databind.ObjectMapper();
    String base = "META-INF/resources/webjars/camunda/app/" + app + "/";
    JsonNode en;
    JsonNode zh;
    try (var in = getClass().getClassLoader().getResourceAsStream(base + "locales/en.json");
        var ours = getClass().getClassLoader().getResourceAsStream(base + "locales/zh.json")) {
      en = json.readTree(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).replace("\uFEFF", ""));
      zh = json.readTree(ours);
    }
    List<String> missing = new java.util.ArrayList<>();
    List<String> untranslated = new java.util.ArrayList<>();
    compare("", en.get("labels"), zh.get("labels"), missing, untranslated);
    assertThat(missing).as(app + ": strings without a Chinese entry").isEmpty();
    assertThat(untranslated.size()).as(app + ": strings still in English: " + untranslated).isLessThan(15);
    if (en.has("dateLocales")) {
      assertThat(zh.get("dateLocales").get("longDateFormat").get("LLL").asText()).isEqualTo("YYYY-MM-DD HH:mm");
    }
    assertThat(zh.get("labels").get("PAGE_LOGIN_SIGN_IN_ACTION").asText()).isEqualTo("登录");
    String config = new Http(port).get("/camunda/app/" + app + "/scripts/config.js").body();
    assertThat(config).as("Chinese whatever the browser's language")
        .contains("availableLocales: ['zh']", "fallbackLocale: 'zh'", "YYYY-MM-DD HH:mm");
    assertThat(config).as("the product's name, which the login page shows").contains("name: '商量 · ");
    assertThat(new Http(port).get("/camunda/app/" + app + "/styles/user-styles.css").body())
        .as("no 'migrate to Camunda 8' banner").containsPattern("\\.ce-eol-banner \\{\\s*display: none");
    assertThat(new Http(port).get("/camunda/app/" + app + "/locales/zh.json").status()).isEqualTo(200);
  }

  /** Walks the English labels: a key missing in Chinese, or a Chinese value identical to a wordy English one. */
  private static void compare(String path, JsonNode en, JsonNode zh, List<String> missing, List<String> untranslated) {
    en.fieldNames().forEachRemaining(k -> {
      JsonNode e = en.get(k);
      JsonNode z = zh == null ? null : zh.get(k);
      if (z == null) missing.add(path + k);
      else if (e.isObject()) compare(path + k + ".", e, z, missing, untranslated);
      else if (e.isTextual() && e.asText().matches(".*[a-z]{4,}.*") && e.asText().equals(z.asText())) untranslated.add(path + k);
    });
  }

  /** A department reads the variables of the matters it has a task in (the card), and of no other. */
  @Test
  void aGroupReadsTheInstancesItHasTasksIn_only() {
    String water = new Http(port).as("clerk").post("/api/demands", Demands.with(Demands.with(Demands.body(), "urgency", "EMERGENCY"),
        "category", "WATER")).json().get("trackingCode").asText();
    String waterInstance = new Steps(engine, water).task("UserTask_DepartmentReply").getProcessInstanceId();
    assertThat(new Http(port).as("water").get("/engine-rest/process-instance/" + waterInstance + "/variables/trackingCode")
        .json().get("value").asText()).isEqualTo(water);
    assertThat(new Http(port).as("housing").get("/engine-rest/process-instance/" + waterInstance + "/variables/trackingCode")
        .status()).as("another department").isEqualTo(403);
    JsonNode cards = new Http(port).as("water").header("Accept", "application/hal+json")
        .post("/engine-rest/filter/" + filterId("本组待办") + "/list?maxResults=500", "{}").json();
    assertThat(cards.get("_embedded").toString()).as(cards.get("_embedded").fieldNames().toString()).contains(water);
  }
}
