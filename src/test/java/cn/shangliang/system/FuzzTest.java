package cn.shangliang.system;

import static cn.shangliang.support.ProposalWalk.at;
import static org.assertj.core.api.Assertions.assertThat;

import cn.shangliang.consultation.VillageAssignments;
import cn.shangliang.support.Canary;
import cn.shangliang.support.Demands;
import cn.shangliang.support.GeoReportDocuments;
import cn.shangliang.support.Http;
import cn.shangliang.support.ObservedStatuses;
import cn.shangliang.support.PlatformTest;
import cn.shangliang.support.Steps;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.RandomGenerator;
import net.jqwik.api.sessions.JqwikSession;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Fuzzing every write endpoint of {@code /api/**} and {@code /open311/**} (issue #8): valid requests
 * bent by generated mutations (wrong types, missing and unknown fields, huge and unicode-edge strings,
 * SQL/HTML/EL injection, raw JSON tokens no parser should accept, malformed bodies, wrong content
 * types, hostile path segments). Never a status ≥ 500, every refusal as problem JSON (Open311: its
 * errors in the format of the path, valid against their schema) that changes no row, and no expression
 * ever evaluated. Reproducible: the seed is {@code -Dfuzz.seed} (printed with every failure), the size
 * {@code -Dfuzz.requests} (default 10,080: 530 per endpoint).
 */
@PlatformTest
class FuzzTest {
  static final int REQUESTS = Integer.getInteger("fuzz.requests", 10_080);
  static final long SEED = Long.getLong("fuzz.seed", 20261123L);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String RAW = "\u0001raw\u0001";

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired ProcessEngine engine;
  @Autowired PublicRateLimiter limiter;
  @Autowired VillageAssignments villages;
  @Autowired Canary canary;
  @Autowired org.springframework.context.ApplicationContext context;

  enum Body { JSON, FORM, NONE }

  /** One write endpoint: who calls it, the path (variables filled), and a valid request to bend. */
  record Target(String name, String method, String user, String path, Body body, Supplier<Map<String, Object>> valid) {}

  /** Strings no input handler should trust. */
  static final List<String> HOSTILE = List.of("", " ", "\t\n", "\u0000", "\u202Eevil\u202C", "\u200B\u200B", "e\u0301\u0301\u0301",
      "😀👨‍👩‍👧‍👦", "${7*7}", "#{7*7}", "${canary.touch()}", "#{canary.touch()}", "${''.getClass().forName('java.lang.Runtime')}",
      "%{7*7}", "{{7*7}}", "' OR '1'='1", "'; DROP TABLE demand; --", "\" OR \"\"=\"", "1; SELECT SLEEP(5)",
      "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "javascript:alert(1)", "../../../../etc/passwd",
      "\r\nSet-Cookie: x=y", "null", "undefined", "NaN", "-1", "0", "9999999999999999999999", "TRANSPORT ", "transport",
      "SATISFIED\u0000", "2026-02-30", "2026-13-01T25:61:00+08:00", "13812341234", "110101199003071234",
      "中".repeat(201), "中".repeat(5_001), "x".repeat(100_001), "😀".repeat(2_600));

  /** JSON tokens put into the body as they are. */
  static final List<String> RAW_TOKENS = List.of("\"\\ud800\"", "\"\\udfff\\ud800\"", "\"\\u0000\"", "1e309", "-1e309",
      "123456789012345678901234567890", "0.0000000000000000000000000001", "NaN", "Infinity", "01", "-", "true", "[]", "{}",
      "[".repeat(3_000) + "]".repeat(3_000), "{\"a\":".repeat(1_500) + "1" + "}".repeat(1_500), "\"\\x41\"", "'single'");

  /** Whole bodies that are not what the endpoint reads. */
  static final List<String> MALFORMED = List.of("", "{", "}", "{\"title\":", "[", "null", "\"text\"", "42", "{\"a\":1,}", "{'a':1}",
      "\uFEFF{}", "{\"a\":1}{\"b\":2}", "<xml/>", "title=x&category=y", "{\"title\":\"x\"" + " ".repeat(10_000),
      "{\"description\":\"" + "x".repeat(2_000_000) + "\"}", "\u0000\u0001\u0002", "{\"__proto__\":{\"admin\":true}}");

  /** Path segments (already encoded) in place of an id, a code or a token. */
  static final List<String> HOSTILE_SEGMENTS = List.of("0", "-1", "99999999999999999999", "%00", "..%2F..%2Fetc%2Fpasswd",
      "%E4%B8%AD", "%24%7B7*7%7D", "%3Cscript%3E", "'%20OR%201=1", "a".repeat(5_000), "%F0%9F%98%80", "SL-0000-000000", "%20",
      "null", "1.5", "0x10");

  final Arbitrary<Object> values = Arbitraries.oneOf(
      Arbitraries.of(HOSTILE).map(s -> (Object) s),
      Arbitraries.strings().all().ofMaxLength(300).map(s -> (Object) s),
      Arbitraries.strings().withCharRange('\u4e00', '\u9fa5').ofMinLength(1).ofMaxLength(60).map(s -> (Object) s),
      Arbitraries.integers().map(i -> (Object) i),
      Arbitraries.longs().map(l -> (Object) l),
      Arbitraries.doubles().map(d -> (Object) d),
      Arbitraries.of(true, false).map(b -> (Object) b),
      Arbitraries.just(null),
      Arbitraries.integers().between(-3, 3).list().ofMaxSize(4).map(l -> (Object) l),
      Arbitraries.strings().alpha().ofMaxLength(8).list().ofMaxSize(3).map(l -> (Object) l),
      Arbitraries.maps(Arbitraries.strings().alpha().ofLength(3), Arbitraries.strings().ofMaxLength(5)).ofMaxSize(3).map(m -> (Object) m),
      Arbitraries.of(RAW_TOKENS).map(t -> (Object) (RAW + t)));
  final Arbitrary<String> unknownField = Arbitraries.oneOf(Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(12),
      Arbitraries.of("id", "status", "trackingCode", "createdAt", "@class", "__proto__", "constructor", "admin", "中文字段"));

  @AfterEach
  void clocks() {
    ClockUtil.reset();
    limiter.reset();
  }

  /** Also records every answer for OpenApiStatusCodesTest. */
  @Test
  @Tag(ObservedStatuses.WALK)
  void everyWriteEndpoint_hostileRequests_neverA5xx_neverATrace() throws Exception {
    List<Target> targets = targets();
    JqwikSession.start(); // generators outside a property: jqwik wants a session around them
    try {
      fuzz(targets);
    } finally {
      JqwikSession.finish();
    }
  }

  /** A new write endpoint under /api or /open311 must be added to the targets (and so be fuzzed). */
  @Test
  void everyMappedWriteEndpoint_isATarget() {
    Set<String> targeted = targets().stream()
        .map(t -> t.method() + " " + pattern(t.path().replaceFirst("\\?.*", "")))
        .collect(Collectors.toCollection(java.util.TreeSet::new));
    Set<String> writes = AuthorizationMatrixTest.mapped(context).stream()
        .filter(e -> !Set.of("GET", "HEAD", "OPTIONS").contains(e.method()))
        .filter(e -> e.path().startsWith("/api/") || e.path().startsWith("/open311/"))
        .map(e -> e.method() + " " + pattern(e.path()))
        .collect(Collectors.toCollection(java.util.TreeSet::new));
    targeted.addAll(NO_INPUT);
    assertThat(writes).as("write endpoints the fuzzer does not aim at: add a Target").isSubsetOf(targeted);
    assertThat(writes).as("NO_INPUT names endpoints that still exist").containsAll(NO_INPUT);
  }

  /**
   * Writes that read no input — no body, parameter or path variable — so there is nothing to bend (their
   * access is in AuthorizationMatrixTest): reloading the rules, which also compiles them (too slow to repeat 560 times).
   */
  static final Set<String> NO_INPUT = Set.of("POST /api/admin/rules/reload");

  /** {@code /api/demands/{id}/merge} and the target's {@code /api/demands/{DJ-2036-…}/merge} alike: {@code /api/demands/{}/merge}. */
  static String pattern(String path) {
    return path.replaceAll("\\{[^}]*}", "{}");
  }

  void fuzz(List<Target> targets) throws Exception {
    Random random = new Random(SEED);
    RandomGenerator<Object> value = values.generator(1000, true);
    RandomGenerator<String> unknown = unknownField.generator(1000, true);
    Map<String, Long> rows = rows();
    List<String> failures = new ArrayList<>();
    Map<String, Map<Integer, Integer>> statuses = new LinkedHashMap<>();
    int perTarget = Math.max(1, REQUESTS / targets.size());
    ObservedStatuses.start(FuzzTest.class);
    for (Target target : targets) {
      for (int i = 0; i < perTarget; i++) {
        Request request = request(target, random, value, unknown);
        if (target.user() == null) limiter.reset(); // the abuse limit would answer 429 before the fuzzed input is read
        Http.Response response = request.send(new Http(port).as(target.user()));
        statuses.computeIfAbsent(target.name(), t -> new java.util.TreeMap<>()).merge(response.status(), 1, Integer::sum);
        String where = target.name() + " #" + i + " (seed " + SEED + ") " + request.describe() + " -> " + response.status();
        ObservedStatuses.record(FuzzTest.class, target.method(), target.path(), response.status(), "FuzzTest: " + where);
        if (response.status() >= 500) failures.add(where + " " + cut(response.body()));
        Map<String, Long> after = rows();
        if (response.status() >= 400) {
          if (!after.equals(rows)) failures.add(where + " changed rows: " + difference(rows, after));
          String type = String.valueOf(response.header("content-type"));
          boolean open311 = target.path().startsWith("/open311/");
          if (open311 ? !GeoReportDocuments.isError(target.path(), response) : !type.startsWith("application/problem+json")) {
            failures.add(where + " not the error format: " + type + " " + cut(response.body()));
          }
        }
        rows = after;
        if (failures.size() > 50) break;
      }
    }
    if (failures.size() <= 50) ObservedStatuses.complete(FuzzTest.class); // else the walk was cut short
    System.out.println("FUZZ " + targets.size() + " endpoints x " + perTarget + " requests (seed " + SEED + "): " + statuses);
    assertThat(failures).as("fuzzed requests answered wrongly").isEmpty();
    assertThat(canary.touches()).as("an injected expression was evaluated").isZero();
  }

  /** A request to send: a body (or form) as text, its content type, the path. */
  record Request(String method, String path, String contentType, String body) {
    Http.Response send(Http http) {
      Http client = contentType == null ? http : http.header("Content-Type", contentType);
      return switch (method) {
        case "POST" -> client.postRaw(path, body == null ? "" : body);
        case "PUT" -> client.putRaw(path, body == null ? "" : body);
        case "DELETE" -> client.delete(path);
        default -> throw new IllegalArgumentException(method);
      };
    }

    String describe() {
      return method + " " + cut(path) + (body == null ? "" : " " + contentType + " " + cut(body));
    }
  }

  Request request(Target target, Random random, RandomGenerator<Object> value, RandomGenerator<String> unknown) throws Exception {
    // a path variable is marked {like-this}: sent as it is, or now and then a hostile segment in its place
    String path = target.path();
    if (path.contains("{}") || path.contains("{") && random.nextInt(10) == 0) {
      path = path.replaceFirst("\\{[^}]*}", java.util.regex.Matcher.quoteReplacement(HOSTILE_SEGMENTS.get(random.nextInt(HOSTILE_SEGMENTS.size()))));
    }
    path = path.replace("{", "").replace("}", "");
    if (target.body() == Body.NONE) return new Request(target.method(), path, null, null);
    @SuppressWarnings("unchecked")
    Map<String, Object> body = JSON.convertValue(target.valid().get(), LinkedHashMap.class); // mutable all the way down
    int shape = random.nextInt(100);
    if (shape < 8) {
      return new Request(target.method(), path, target.body() == Body.FORM ? "application/x-www-form-urlencoded" : "application/json",
          MALFORMED.get(random.nextInt(MALFORMED.size())));
    }
    if (shape < 12) {
      String type = List.of("text/plain", "application/xml", "multipart/form-data; boundary=x", "application/json; charset=latin1",
          "application/x-www-form-urlencoded", "application/json").get(random.nextInt(6));
      return new Request(target.method(), path, type, encode(target.body(), body));
    }
    int mutations = 1 + random.nextInt(3);
    for (int m = 0; m < mutations; m++) {
      List<String> fields = fieldPaths(body, "");
      int kind = random.nextInt(10);
      if (kind < 6 && !fields.isEmpty()) {
        set(body, fields.get(random.nextInt(fields.size())), value.next(random).value());
      } else if (kind < 8 && !fields.isEmpty()) {
        set(body, fields.get(random.nextInt(fields.size())), REMOVE);
      } else {
        body.put(unknown.next(random).value(), value.next(random).value());
      }
    }
    return new Request(target.method(), path, target.body() == Body.FORM ? "application/x-www-form-urlencoded" : "application/json",
        encode(target.body(), body));
  }

  private static final Object REMOVE = new Object();

  /** The paths of the leaves and branches of a body: {@code submitter}, {@code submitter.name}, {@code invitees.0.kind}. */
  @SuppressWarnings("unchecked")
  static List<String> fieldPaths(Object node, String prefix) {
    List<String> paths = new ArrayList<>();
    if (node instanceof Map<?, ?> map) {
      for (var e : map.entrySet()) {
        String path = prefix + e.getKey();
        paths.add(path);
        paths.addAll(fieldPaths(e.getValue(), path + "."));
      }
    } else if (node instanceof List<?> list) {
      for (int i = 0; i < list.size(); i++) {
        paths.add(prefix + i);
        paths.addAll(fieldPaths(list.get(i), prefix + i + "."));
      }
    }
    return paths;
  }

  @SuppressWarnings("unchecked")
  static void set(Map<String, Object> body, String path, Object value) {
    String[] keys = path.split("\\.");
    Object node = body;
    for (int i = 0; i < keys.length - 1; i++) {
      node = node instanceof Map<?, ?> m ? m.get(keys[i]) : ((List<Object>) node).get(Integer.parseInt(keys[i]));
    }
    String last = keys[keys.length - 1];
    if (node instanceof Map<?, ?> m) {
      if (value == REMOVE) ((Map<String, Object>) m).remove(last);
      else ((Map<String, Object>) m).put(last, value);
    } else if (node instanceof List<?> l) {
      if (value == REMOVE) ((List<Object>) l).remove(Integer.parseInt(last));
      else ((List<Object>) l).set(Integer.parseInt(last), value);
    }
  }

  static String encode(Body kind, Map<String, Object> body) throws Exception {
    if (kind == Body.FORM) {
      return body.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
          + URLEncoder.encode(String.valueOf(e.getValue()).replace(RAW, ""), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }
    String json = JSON.writeValueAsString(body);
    // raw tokens travel as the strings RAW + token and are put back unquoted
    for (String token : RAW_TOKENS) {
      String quoted = JSON.writeValueAsString(RAW + token);
      if (json.contains(quoted)) json = json.replace(quoted, token);
    }
    return json;
  }

  /** Row counts of every table a write endpoint may touch (sequences excluded: a refusal may use a number). */
  Map<String, Long> rows() {
    List<String> tables = List.of("demand", "routing_decision", "routing_reason", "demand_event", "village_assignment", "investigation",
        "meeting", "decision", "department_reply", "proposal", "publicity_notice", "reply_clock", "sla_breach", "notification",
        "notification_read", "publicity_objection", "satisfaction_evaluation", "open311_api_key", "platform", "platform_member",
        "platform_check", "consultation_round", "round_invitation", "round_opinion", "ACT_RU_EXECUTION", "ACT_RU_TASK",
        "ACT_RU_VARIABLE", "ACT_RU_JOB", "ACT_HI_PROCINST");
    String sql = tables.stream().map(t -> "select '" + t + "' as t, count(*) as n from " + t).collect(Collectors.joining(" union all "));
    Map<String, Long> counts = new LinkedHashMap<>();
    jdbc.query(sql, rs -> {
      counts.put(rs.getString(1), rs.getLong(2));
    });
    return counts;
  }

  static String difference(Map<String, Long> before, Map<String, Long> after) {
    return before.keySet().stream().filter(t -> !before.get(t).equals(after.get(t)))
        .map(t -> t + " " + before.get(t) + "→" + after.get(t)).collect(Collectors.joining(", "));
  }

  static String cut(String text) {
    return text == null || text.length() <= 300 ? text : text.substring(0, 300) + "…(" + text.length() + ")";
  }

  /** The endpoints, with fixtures to aim at: a published notice, an evaluation due, an open online round, a platform. */
  List<Target> targets() {
    at("2036-01-05T10:00:00+08:00");
    Http clerk = new Http(port).as("clerk");
    String notice = onSite(clerk, "公示模糊村");
    Steps evaluated = new Steps(engine, onSite(clerk, "评价模糊村"));
    at("2036-01-12T10:01:00+08:00");
    evaluated.fireDueTimers();
    String accessCode = Demands.accessCode(new Http(port), evaluated.code());
    String noticeId = new Http(port).get("/api/public/demands/" + notice).json().get("notice").get("id").asText();
    String round = onlineRound(clerk);
    String token = (String) engine.getRuntimeService().createVariableInstanceQuery().variableName("onlineRoundLinks").list().stream()
        .filter(v -> engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(v.getProcessInstanceId())
            .processInstanceBusinessKey(round).count() > 0).findFirst().orElseThrow().getValue();
    List<String> tokens = token.lines().map(l -> l.substring(l.indexOf("round=") + 6)).toList();
    Http admin = new Http(port).as("admin");
    Map<String, Object> own = platform();
    own.put("name", "模糊测试议事室" + java.util.UUID.randomUUID().toString().substring(0, 6)); // a database kept from an earlier run has the plain name
    String platform = admin.post("/api/platforms", own).json().get("id").asText();
    String key = admin.post("/api/admin/open311-keys", Map.of("name", "模糊测试")).json().get("key").asText();
    String throwawayKey = admin.post("/api/admin/open311-keys", Map.of("name", "模糊测试（作废）")).json().get("id").asText();
    String mergeFrom = clerk.post("/api/demands", Demands.body()).json().get("trackingCode").asText();
    String mergeInto = clerk.post("/api/demands", Demands.body()).json().get("trackingCode").asText();
    List<Long> notifications = jdbc.queryForList("select id from notification order by id", Long.class);
    String notification = notifications.isEmpty() ? "1" : String.valueOf(notifications.get(0));
    Random pick = new Random(SEED);
    return List.of(
        new Target("intake", "POST", "admin", "/api/demands", Body.JSON, Demands::body),
        new Target("merge", "POST", "admin", "/api/demands/{" + mergeFrom + "}/merge", Body.JSON, () -> map("into", mergeInto)),
        new Target("routing preview", "POST", "clerk", "/api/routing/preview", Body.JSON, Demands::body),
        new Target("public submission", "POST", null, "/api/public/demands", Body.JSON, FuzzTest::publicSubmission),
        new Target("objection", "POST", null, "/api/public/notices/{" + noticeId + "}/objections", Body.JSON,
            () -> map("reason", "公示的办理结果与实际情况不符，请再核实。")),
        new Target("evaluation", "POST", null, "/api/public/demands/{" + evaluated.code() + "}/evaluation", Body.JSON,
            () -> map("rating", "BASICALLY_SATISFIED", "comment", "基本解决，希望继续跟进。", "accessCode", accessCode)),
        new Target("phone callback", "POST", "admin", "/api/demands/{" + evaluated.code() + "}/evaluation", Body.JSON,
            () -> map("rating", "SATISFIED", "comment", "电话回访：已解决。", "channel", "PHONE_CALLBACK")),
        new Target("access code", "POST", "admin", "/api/demands/{" + mergeFrom + "}/access-code", Body.NONE, () -> null),
        new Target("opinion", "POST", null, "/api/public/rounds/{" + tokens.get(pick.nextInt(tokens.size())) + "}/opinions", Body.JSON,
            () -> map("stance", "SUGGESTION", "text", "建议先征求低层住户的意见。")),
        new Target("invitations", "POST", "admin", "/api/demands/{" + round + "}/online-round/invitations", Body.JSON,
            () -> map("invitees", new ArrayList<>(List.of(map("name", "李老师", "kind", "专家"))))),
        new Target("round close", "POST", "admin", "/api/demands/{}/online-round/close", Body.NONE, () -> null),
        new Target("platform", "POST", "admin", "/api/platforms", Body.JSON, FuzzTest::platform),
        new Target("platform members", "PUT", "admin", "/api/platforms/{" + platform + "}/members", Body.JSON,
            () -> map("members", new ArrayList<>(List.of("member1", "member2")))),
        new Target("platform check", "POST", "admin", "/api/platforms/{" + platform + "}/checks", Body.JSON,
            () -> map("item", "FUNDING", "met", true, "evidence", "2036年度经费已列入预算。", "checkedOn", "2036-01-05")),
        new Target("village assignment", "PUT", "admin", "/api/village-assignments", Body.JSON,
            () -> map("township", "模糊镇", "village", "模糊村", "memberUserId", "member2")),
        new Target("village unassignment", "DELETE", "admin", "/api/village-assignments?township={}&village=%E6%A8%A1%E7%B3%8A%E6%9D%91",
            Body.NONE, () -> null),
        new Target("open311 key", "POST", "admin", "/api/admin/open311-keys", Body.JSON, () -> map("name", "县便民热线")),
        new Target("open311 key revocation", "DELETE", "admin", "/api/admin/open311-keys/{" + throwawayKey + "}", Body.NONE, () -> null),
        new Target("notification read", "POST", "admin", "/api/notifications/{" + notification + "}/read", Body.NONE, () -> null),
        new Target("open311 request", "POST", null, "/open311/v2/requests.json", Body.FORM, () -> open311(key)),
        new Target("open311 request (XML)", "POST", null, "/open311/v2/requests.xml", Body.FORM, () -> open311(key)));
  }

  String onSite(Http clerk, String village) {
    Map<String, Object> body = Demands.with(Demands.with(Demands.with(Demands.with(Demands.with(Demands.body(),
        "category", "POLICY"), "scope", "HOUSEHOLD"), "answerableOnSite", true), "collectingMember", "member1"),
        "village", village + java.util.UUID.randomUUID().toString().substring(0, 6));
    String code = clerk.post("/api/demands", body).json().get("trackingCode").asText();
    new Steps(engine, code).complete("UserTask_OnSiteAnswer", "member1", List.of("member"), Map.of("resultText", "已当场解答。"));
    return code;
  }

  String onlineRound(Http clerk) {
    Map<String, Object> body = Demands.body();
    villages.assign("中峰镇", (String) body.get("village"), "member1", "admin");
    String code = clerk.post("/api/demands", body).json().get("trackingCode").asText();
    new Steps(engine, code)
        .complete("UserTask_Investigate", "member1", List.of("member"), Steps.investigation())
        .complete("UserTask_ScheduleMeeting", "convenor", List.of("convenor"), Steps.meetingSchedule("meetingForm", "ONLINE",
            "meetingTime", "2036-06-10T19:00", "meetingPlace", "村民微信群", "onlineInvitees", "王大爷，群众代表\n沿街商户代表，其他利益相关方"));
    return code;
  }

  static Map<String, Object> publicSubmission() {
    Map<String, Object> body = Demands.body();
    body.keySet().retainAll(List.of("title", "description", "category", "township", "village", "submitter"));
    body.put("submitter", map("name", "赵六", "phone", "13900001111"));
    return body;
  }

  static Map<String, Object> platform() {
    return map("name", "模糊测试协商议事室", "kind", "CONSULTATION_ROOM", "township", "模糊镇", "village", "模糊村", "address", "村委会二楼");
  }

  static Map<String, Object> open311(String key) {
    return map("api_key", key, "service_code", "TRANSPORT", "description", "村口路灯不亮，夜间出行不便。", "address_string", "中峰镇同庆沟村村口",
        "attribute[township]", "中峰镇", "attribute[village]", "同庆沟村", "first_name", "六", "last_name", "赵", "phone", "13900001111");
  }

  /** A mutable map (the mutations change it) from alternating keys and values. */
  static Map<String, Object> map(Object... keysAndValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    IntStream.range(0, keysAndValues.length / 2).forEach(i -> map.put((String) keysAndValues[2 * i], keysAndValues[2 * i + 1]));
    return map;
  }
}
