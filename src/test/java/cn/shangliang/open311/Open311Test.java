package cn.shangliang.open311;

import static cn.shangliang.support.GeoReportDocuments.assertSameContent;
import static cn.shangliang.support.GeoReportDocuments.assertValidJson;
import static cn.shangliang.support.GeoReportDocuments.assertValidXml;
import static org.assertj.core.api.Assertions.assertThat;

import cn.shangliang.support.Demands;
import cn.shangliang.support.GeoReportDocuments;
import cn.shangliang.support.Http;
import cn.shangliang.support.PlatformTest;
import cn.shangliang.system.PublicRateLimiter;
import cn.shangliang.system.ShangliangProperties;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.w3c.dom.Element;

/**
 * Open311 GeoReport v2 and Service Discovery: every answer, JSON and XML, validates against the project's
 * schemas in src/test/resources/open311/ (written from the published specification), and the XML form of a
 * resource says what its JSON form says.
 */
@PlatformTest
class Open311Test {
  @LocalServerPort int port;
  @Autowired PublicRateLimiter limiter;
  @Autowired ShangliangProperties properties;

  /** GET the resource ({@code path} + format + {@code query}) in both formats: each valid, the same content; returns the JSON. */
  JsonNode both(String path, String query, String schema, String xsd, String root) {
    Http.Response json = new Http(port).get(path + ".json" + query);
    assertThat(json.status()).as(path + ".json" + query).isEqualTo(200);
    Http.Response xml = new Http(port).get(path + ".xml" + query);
    assertThat(xml.status()).as(path + ".xml" + query).isEqualTo(200);
    JsonNode content = assertValidJson(schema, json.body());
    assertSameContent(content, assertValidXml(xsd, root, xml));
    return content;
  }

  @Test
  void servicesAndTheirDefinitions_validate_inBothFormats() {
    JsonNode services = both("/open311/v2/services", "", "services.json", "services.xsd", "services");
    assertThat(services).hasSize(15);
    assertThat(services.get(0).get("service_code").asText()).isEqualTo("TRANSPORT");
    assertThat(services.get(0).get("service_name").asText()).isEqualTo("交通出行");

    JsonNode definition = both("/open311/v2/services/HOUSING", "", "service-definition.json", "service-definition.xsd",
        "service_definition");
    assertThat(definition.get("attributes").findValuesAsText("code")).contains("township", "village", "scope", "urgency");
    assertThat(definition.get("attributes").get(2).get("values").findValuesAsText("key")).contains("VILLAGE");
  }

  @Test
  void aDemandAsAServiceRequest_validates_inBothFormats_withoutPersonalData() {
    JsonNode created = new Http(port).as("clerk").post("/api/demands", Demands.body()).json();
    String code = created.get("trackingCode").asText();
    JsonNode one = both("/open311/v2/requests/" + code, "", "requests.json", "requests.xsd", "service_requests");
    JsonNode request = one.get(0);
    assertThat(request.get("service_request_id").asText()).isEqualTo(code);
    assertThat(request.get("status").asText()).isEqualTo("open");
    assertThat(request.get("service_code").asText()).isEqualTo("TRANSPORT");
    assertThat(request.get("agency_responsible").asText()).isEqualTo("交通运输局");
    assertThat(request.get("expected_datetime").asText()).isEqualTo(created.get("route").get("deadline").asText());
    assertThat(new Http(port).get("/open311/v2/requests/" + code + ".xml").body()).contains("<request>")
        .doesNotContain("张三", "13812341234");
    assertThat(new Http(port).get("/open311/v2/requests/" + code + ".json").body()).doesNotContain("张三", "13812341234");

    JsonNode list = both("/open311/v2/requests", "?service_code=TRANSPORT&status=open", "requests.json", "requests.xsd",
        "service_requests");
    assertThat(list.findValuesAsText("service_request_id")).contains(code);
    JsonNode byIds = both("/open311/v2/requests", "?service_request_id=" + code + ",SL-2026-999999", "requests.json",
        "requests.xsd", "service_requests");
    assertThat(byIds.findValuesAsText("service_request_id")).containsExactly(code);
    both("/open311/v2/requests", "?service_request_id=SL-2026-999999", "requests.json", "requests.xsd", "service_requests");
  }

  @Test
  void serviceDiscovery_namesTheEndpoint_itsFormats_andItsSpecification() {
    JsonNode discovery = both("/open311/discovery", "", "discovery.json", "discovery.xsd", "discovery");
    JsonNode endpoint = discovery.get("endpoints").get(0);
    assertThat(endpoint.get("specification").asText()).isEqualTo("http://wiki.open311.org/GeoReport_v2");
    assertThat(endpoint.get("url").asText()).isEqualTo(properties.publicUrl() + "/open311/v2");
    assertThat(endpoint.get("type").asText()).isEqualTo("production");
    assertThat(List.of(endpoint.get("formats").get(0).asText(), endpoint.get("formats").get(1).asText()))
        .containsExactly("text/xml", "application/json");
    assertThat(discovery.get("key_service").asText()).contains("api_key");
  }

  @Test
  void errors_comeInTheSpecsForm_ofTheFormatAskedFor() {
    for (String path : new String[] {"/open311/v2/services/ROADS", "/open311/v2/requests/SL-2026-999999",
        "/open311/v2/requests/nonsense"}) {
      assertError(path + ".json", new Http(port).get(path + ".json"), 404);
      assertError(path + ".xml", new Http(port).get(path + ".xml"), 404);
    }
    for (String query : new String[] {"service_code=ROADS", "status=pending", "start_date=yesterday",
        "start_date=2026-12-01T00:00:00%2B08:00&end_date=2026-11-01T00:00:00%2B08:00"}) {
      assertError(query, new Http(port).get("/open311/v2/requests.json?" + query), 400);
      assertError(query, new Http(port).get("/open311/v2/requests.xml?" + query), 400);
    }
    // refused by Spring MVC before our controller: the error page answers in the format of the path
    assertError("unknown path", new Http(port).get("/open311/v2/nothing-here.xml"), 404);
    assertError("unknown path", new Http(port).get("/open311/v2/nothing-here.json"), 404);
    // refused by Tomcat before any servlet (an encoded NUL in the path): its error page, in the format of the path too
    assertError("NUL in the path", new Http(port).get("/open311/v2/requests/%00.xml"), 400);
    assertError("NUL in the path", new Http(port).get("/open311/v2/requests/%00.json"), 400);
  }

  static void assertError(String what, Http.Response response, int status) {
    assertThat(response.status()).as(what).isEqualTo(status);
    String format = response.header("content-type").startsWith("text/xml") ? ".xml" : ".json";
    assertThat(GeoReportDocuments.isError(format, response)).as(what + " in the GeoReport error form: " + response.body()).isTrue();
  }

  /** Only Open311 speaks XML: /api answers JSON to a browser (whose Accept header prefers XML to the wildcard) as before. */
  @Test
  void theXmlLibrary_leavesTheRestOfTheApplicationAlone() {
    Http clerk = new Http(port).as("clerk");
    String code = clerk.post("/api/demands", Demands.body()).json().get("trackingCode").asText();
    Http.Response browser = clerk.header("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")
        .get("/api/demands/" + code);
    assertThat(browser.status()).isEqualTo(200);
    assertThat(browser.header("content-type")).startsWith("application/json");
    Http.Response xmlOnly = clerk.header("Accept", "application/xml").get("/api/demands/" + code);
    assertThat(String.valueOf(xmlOnly.header("content-type"))).doesNotContain("xml");
    Http.Response xmlBody = clerk.header("Content-Type", "application/xml").postRaw("/api/demands", "<demand><title>x</title></demand>");
    assertThat(xmlBody.status()).as("an XML body is not read").isEqualTo(415);
  }

  static String form(String... pairs) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i + 1 < pairs.length; i += 2) {
      if (out.length() > 0) out.append('&');
      out.append(URLEncoder.encode(pairs[i], StandardCharsets.UTF_8)).append('=')
          .append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
    }
    return out.toString();
  }

  String issueKey() {
    Http.Response issued = new Http(port).as("admin").post("/api/admin/open311-keys", Map.of("name", "市民随手拍"));
    assertThat(issued.status()).isEqualTo(201);
    return issued.json().get("key").asText();
  }

  static String[] goodRequest(String key, String village) {
    return new String[] {"api_key", key, "service_code", "SANITATION", "lat", "30.12", "long", "104.56",
        "description", "村口垃圾桶满了三天没人清运，联系人王小明13812345678。", "attribute[township]", "中峰镇",
        "attribute[village]", village, "attribute[urgency]", "NORMAL", "last_name", "王", "first_name", "小明", "phone", "13812345678"};
  }

  @Test
  void createAServiceRequest_withAnAdminIssuedKey_formEncoded() {
    limiter.reset();
    assertThat(new Http(port).as("clerk").post("/api/admin/open311-keys", Map.of("name", "市民随手拍")).status())
        .isEqualTo(403);
    Http.Response issued = new Http(port).as("admin").post("/api/admin/open311-keys", Map.of("name", "市民随手拍"));
    assertThat(issued.status()).isEqualTo(201);
    String key = issued.json().get("key").asText();
    assertThat(key).startsWith("sl_").hasSizeGreaterThan(40);
    assertThat(new Http(port).as("admin").get("/api/admin/open311-keys").body()).contains("市民随手拍").doesNotContain(key);
    String[] good = goodRequest(key, "开放接口村" + UUID.randomUUID().toString().substring(0, 6));

    refusals("/open311/v2/requests.json", good);

    Http.Response created = new Http(port).header("Idempotency-Key", "photo-1").postForm("/open311/v2/requests.json", form(good));
    assertThat(created.status()).isEqualTo(200);
    assertValidJson("request-created.json", created.body());
    String id = created.json().get(0).get("service_request_id").asText();
    assertThat(created.json().get(0).get("service_notice").asText()).as("the access code, for the submitter, once")
        .containsPattern("查询码 [2-9A-HJKMNP-Z]{8}（请转告诉求人本人");
    JsonNode retried = new Http(port).header("Idempotency-Key", "photo-1").postForm("/open311/v2/requests.json", form(good)).json();
    assertThat(retried.get(0).get("service_request_id").asText()).as("a retry is the same request").isEqualTo(id);
    assertThat(retried.get(0).path("service_notice").asText()).doesNotContain("查询码");

    JsonNode read = both("/open311/v2/requests/" + id, "", "requests.json", "requests.xsd", "service_requests");
    assertThat(read.get(0).get("agency_responsible").asText()).isEqualTo("城市管理局");
    assertThat(read.get(0).get("expected_datetime").asText()).isNotBlank();
    assertThat(read.get(0).get("lat").asDouble()).isEqualTo(30.12);
    assertThat(new Http(port).get("/open311/v2/requests/" + id + ".json").body()).doesNotContain("13812345678", "王小明");
    JsonNode staff = new Http(port).as("clerk").get("/api/demands/" + id).json();
    assertThat(staff.get("channel").asText()).isEqualTo("OPEN311");
    assertThat(staff.get("submitter").get("name").asText()).isEqualTo("王小明");
    assertThat(staff.get("title").asText()).as("no title sent: what and where, not the description again")
        .startsWith("环境卫生诉求（中峰镇开放接口村").doesNotContain("垃圾桶");
    assertThat(read.get(0).get("description").asText()).as("the description once").startsWith("村口垃圾桶满了三天")
        .doesNotContain("环境卫生诉求");

    String keyId = issued.json().get("id").asText();
    assertThat(new Http(port).as("admin").delete("/api/admin/open311-keys/" + keyId).json().get("revokedAt").asText()).isNotBlank();
    assertError("revoked", new Http(port).postForm("/open311/v2/requests.json", form(good)), 403);
  }

  /** Bad input to a POST: refused in the GeoReport error form of the path's format, nothing created. */
  void refusals(String path, String[] good) {
    assertError("no key", new Http(port).postForm(path, form("service_code", "SANITATION")), 403);
    assertError("wrong key", new Http(port).postForm(path, form("api_key", "sl_wrong", "service_code", "SANITATION")), 403);
    Http.Response unknown = new Http(port).postForm(path, form(replace(good, "service_code", "NOPE")));
    assertError("unknown service", unknown, 400);
    assertThat(unknown.body()).contains("NOPE");
    Http.Response noPlace = new Http(port).postForm(path, form(without(good, "lat", "long")));
    assertError("no location", noPlace, 400);
    assertThat(noPlace.body()).contains("location");
    assertError("no village", new Http(port).postForm(path, form(without(good, "attribute[village]"))), 400);
    assertError("lat not a number", new Http(port).postForm(path, form(replace(good, "lat", "north"))), 400);
    assertError("a NUL echoed in the error", new Http(port).postForm(path, form(replace(good, "service_code", "NO\u0000PE"))), 400);
    assertError("JSON is not the spec's form encoding", new Http(port).post(path, Map.of("api_key", good[1])), 415);
  }

  @Test
  void createAServiceRequest_inXml() {
    limiter.reset();
    String key = issueKey();
    String[] good = goodRequest(key, "开放接口村" + UUID.randomUUID().toString().substring(0, 6));
    refusals("/open311/v2/requests.xml", good);

    Http.Response created = new Http(port).header("Idempotency-Key", "photo-xml").postForm("/open311/v2/requests.xml", form(good));
    assertThat(created.status()).isEqualTo(200);
    Element root = assertValidXml("request-created.xsd", "service_requests", created);
    String id = root.getElementsByTagName("service_request_id").item(0).getTextContent();
    assertThat(root.getElementsByTagName("service_notice").item(0).getTextContent()).isNotBlank();
    Http.Response retry = new Http(port).header("Idempotency-Key", "photo-xml").postForm("/open311/v2/requests.json", form(good));
    assertThat(retry.json().get(0).get("service_request_id").asText()).as("the same request, whichever the format").isEqualTo(id);
    String notice = root.getElementsByTagName("service_notice").item(0).getTextContent();
    String retried = retry.json().get(0).get("service_notice").asText();
    assertThat(notice).as("the first answer alone names the access code").isEqualTo(retried + notice.substring(retried.length()))
        .containsPattern("；查询码 [2-9A-HJKMNP-Z]{8}（");
    assertThat(retried).doesNotContain("查询码");
    both("/open311/v2/requests/" + id, "", "requests.json", "requests.xsd", "service_requests");
  }

  @Test
  void theRateLimit_answers429_inTheFormatAskedFor() {
    limiter.reset();
    String key = issueKey();
    String[] good = goodRequest(key, "限流村");
    Http.Response last = null;
    for (int i = 0; i < 200 && (last == null || last.status() != 429); i++) { // 120 a minute, refilled as it goes
      last = new Http(port).postForm("/open311/v2/requests.xml", form(replace(good, "service_code", "NOPE")));
    }
    assertError("over the limit", last, 429);
    assertThat(last.header("content-type")).startsWith("text/xml");
    assertThat(last.header("retry-after")).isNotBlank();
    // the bucket refills a token every half second: on a slow database the next request may find one
    Http.Response json = null;
    for (int i = 0; i < 20 && (json == null || json.status() != 429); i++) {
      json = new Http(port).postForm("/open311/v2/requests.json", form(replace(good, "service_code", "NOPE")));
    }
    assertError("over the limit", json, 429);
    limiter.reset();
  }

  /** Each Open311 operation in the OpenAPI description: Chinese summary, the statuses it answers, each in its format. */
  @Test
  void theOpenApiDescription_documentsBothFormats_withTheirStatuses() {
    JsonNode paths = new Http(port).get("/v3/api-docs").json().get("paths");
    Map<String, List<String>> statuses = new java.util.LinkedHashMap<>();
    statuses.put("get /open311/v2/services", List.of("200"));
    statuses.put("get /open311/v2/services/{code}", List.of("200", "404"));
    statuses.put("get /open311/v2/requests", List.of("200", "400"));
    statuses.put("get /open311/v2/requests/{id}", List.of("200", "404"));
    statuses.put("post /open311/v2/requests", List.of("200", "400", "403", "415", "429"));
    statuses.put("get /open311/discovery", List.of("200"));
    statuses.forEach((operation, codes) -> {
      String method = operation.substring(0, operation.indexOf(' '));
      for (String format : List.of("json", "xml")) {
        String path = operation.substring(operation.indexOf(' ') + 1) + "." + format;
        JsonNode documented = paths.path(path).path(method);
        assertThat(documented.path("summary").asText()).as(path + " summary in Chinese").containsPattern("\\p{IsHan}");
        assertThat((Iterable<String>) documented.path("responses")::fieldNames).as(path + " statuses").containsAll(codes);
        String media = format.equals("json") ? "application/json" : "text/xml";
        for (String code : codes) {
          assertThat((Iterable<String>) documented.path("responses").path(code).path("content")::fieldNames)
              .as(path + " " + code).containsExactly(media);
        }
      }
    });
    JsonNode form = paths.path("/open311/v2/requests.xml").path("post").path("requestBody").path("content")
        .path("application/x-www-form-urlencoded").path("schema");
    assertThat(form.toString()).as("the POST form's fields").contains("RequestForm");
    JsonNode fields = new Http(port).get("/v3/api-docs").json().path("components").path("schemas").path("RequestForm");
    assertThat((Iterable<String>) fields.path("properties")::fieldNames).contains("api_key", "service_code", "lat", "long",
        "address_string", "description", "attribute[township]", "attribute[village]", "attribute[scope]");
    assertThat(fields.path("required").toString()).contains("api_key", "service_code", "description", "attribute[village]");
  }

  static String[] without(String[] pairs, String... names) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i + 1 < pairs.length; i += 2) {
      if (!List.of(names).contains(pairs[i])) {
        out.add(pairs[i]);
        out.add(pairs[i + 1]);
      }
    }
    return out.toArray(String[]::new);
  }

  static String[] replace(String[] pairs, String name, String value) {
    String[] out = pairs.clone();
    for (int i = 0; i + 1 < out.length; i += 2) if (out[i].equals(name)) out[i + 1] = value;
    return out;
  }
}
