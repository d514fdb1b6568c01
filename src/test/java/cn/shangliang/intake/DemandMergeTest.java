package cn.shangliang.intake;

import static cn.shangliang.support.Demands.body;
import static cn.shangliang.support.Demands.with;
import static org.assertj.core.api.Assertions.assertThat;

import cn.shangliang.support.Http;
import cn.shangliang.support.PlatformTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** 并单: similar open demands of the same village and category are offered for merging; a merge keeps each submitter. */
@PlatformTest
class DemandMergeTest {
  @LocalServerPort int port;
  @Autowired HistoryService historyService;
  Http http;

  @BeforeEach
  void client() {
    http = new Http(port);
  }

  @Test
  void aSimilarDemandOfTheSameVillage_isOfferedAsMergeCandidate_andMerges() {
    Map<String, Object> first = with(with(body(), "title", "同庆沟村三组道路坑洼积水"),
        "description", "三组通组道路路面坑洼，雨天积水严重，出行困难，希望修补。");
    JsonNode matter = http.as("clerk").post("/api/demands", first).json();
    assertThat(matter.get("duplicateCandidates")).isEmpty();

    Map<String, Object> second = with(with(with(first, "title", "三组道路积水坑洼"),
        "description", "我们三组的道路坑洼不平，下雨积水严重，老人出行困难。"), "submitter", Map.of("name", "李四", "phone", "13900001111"));
    JsonNode duplicate = http.as("clerk").post("/api/demands", second).json();
    JsonNode candidates = duplicate.get("duplicateCandidates");
    assertThat(candidates.findValuesAsText("trackingCode")).containsExactly(matter.get("trackingCode").asText());
    assertThat(candidates.get(0).get("similarity").asDouble()).isBetween(0.3, 1.0);

    // another category in the same village is no candidate; nor is unrelated text
    assertThat(http.as("clerk").post("/api/demands", with(second, "category", "WATER")).json().get("duplicateCandidates")).isEmpty();
    assertThat(http.as("clerk").post("/api/demands", with(with(second, "title", "学校门口缺少斑马线"),
        "description", "小学门口车辆多，没有斑马线和减速带。")).json().get("duplicateCandidates")).isEmpty();

    Http.Response merged = http.as("clerk").post("/api/demands/" + duplicate.get("id").asText() + "/merge",
        Map.of("into", matter.get("trackingCode").asText()));
    assertThat(merged.status()).isEqualTo(200);
    assertThat(merged.json().get("status").asText()).isEqualTo("MERGED");
    assertThat(merged.json().get("mergedInto").asText()).isEqualTo(matter.get("trackingCode").asText());
    assertThat(merged.json().get("submitter").get("name").asText()).isEqualTo("李四");
    assertThat(merged.json().get("trackingCode")).isEqualTo(duplicate.get("trackingCode"));
    assertThat(merged.json().get("tasksOpen")).isEmpty();
    assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(duplicate.get("processInstanceId").asText())
        .singleResult().getDeleteReason()).contains(matter.get("trackingCode").asText());

    JsonNode matterView = http.as("clerk").get("/api/demands/" + matter.get("id").asText()).json();
    assertThat(matterView.get("mergedDemands").get(0).asText()).isEqualTo(duplicate.get("trackingCode").asText());
    assertThat(matterView.get("history").findValuesAsText("kind")).contains("MERGE_RECEIVED");
    assertThat(matterView.get("tasksOpen")).hasSize(1);
  }

  @Test
  void mergeRules_areEnforced() {
    JsonNode a = http.as("clerk").post("/api/demands", body()).json();
    JsonNode b = http.as("clerk").post("/api/demands", body()).json();
    String aId = a.get("id").asText();
    assertThat(http.as("clerk").post("/api/demands/" + aId + "/merge", Map.of("into", aId)).status()).isEqualTo(409);
    assertThat(http.as("clerk").post("/api/demands/" + aId + "/merge", Map.of("into", "SL-2026-999999")).status()).isEqualTo(404);
    assertThat(http.as("clerk").post("/api/demands/" + aId + "/merge", Map.of()).status()).isEqualTo(400);
    assertThat(http.as("transport").post("/api/demands/" + aId + "/merge", Map.of("into", b.get("id").asText())).status()).isEqualTo(403);
    assertThat(http.as("liaison").post("/api/demands/" + aId + "/merge", Map.of("into", b.get("id").asText())).status()).isEqualTo(200);
    assertThat(http.as("liaison").post("/api/demands/" + aId + "/merge", Map.of("into", b.get("id").asText())).status())
        .as("already merged").isEqualTo(409);
    JsonNode c = http.as("clerk").post("/api/demands", body()).json();
    assertThat(http.as("clerk").post("/api/demands/" + c.get("id").asText() + "/merge", Map.of("into", aId)).status())
        .as("into a merged demand").isEqualTo(409);
  }
}
