package cn.shangliang.support;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Demand bodies as a client sends them (API.md), an ordinary one unless changed. */
public final class Demands {
  private Demands() {}

  public static Map<String, Object> body() {
    Map<String, Object> body = new LinkedHashMap<>();
    String unique = UUID.randomUUID().toString().substring(0, 8);
    body.put("title", "村组道路坑洼积水 " + unique);
    body.put("description", "通组道路约800米，路面坑洼，雨天积水严重，出行不便。" + unique);
    body.put("category", "TRANSPORT");
    body.put("scope", "VILLAGE");
    body.put("urgency", "NORMAL");
    body.put("channel", "MEMBER_VISIT");
    body.put("township", "中峰镇");
    body.put("village", "测试村" + unique); // a village of its own, so repeatCount starts at 0
    body.put("submitter", Map.of("name", "张三", "phone", "13812341234"));
    body.put("answerableOnSite", false);
    body.put("needsPolicyChange", false);
    body.put("estimatedCostYuan", 50000);
    body.put("departmentsInvolved", 1);
    body.put("coDepartments", new ArrayList<>(List.of()));
    body.put("affectedPeople", 40);
    return body;
  }

  /**
   * The submitter's access code for a demand made without keeping its receipt: a new one, issued by the liaison
   * office as staff do when a submitter lost theirs (the old one stops working).
   */
  public static String accessCode(Http http, String trackingCode) {
    return http.as("liaison").post("/api/demands/" + trackingCode + "/access-code", "").json().get("accessCode").asText();
  }

  public static Map<String, Object> with(Map<String, Object> body, String key, Object value) {
    Map<String, Object> copy = new LinkedHashMap<>(body);
    if (value == null) copy.remove(key);
    else copy.put(key, value);
    return copy;
  }
}
