package cn.shangliang.open311;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shangliang.support.Demands;
import cn.shangliang.support.Http;
import cn.shangliang.support.PlatformTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Open311 GeoReport v2: every response validates against the official JSON Schemas in ../shared/open311-schema/. */
@PlatformTest
class Open311Test {
  static final Path SCHEMAS = Path.of("..", "shared", "open311-schema").toAbsolutePath().normalize();
  static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4);
  static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort int port;

  static void assertValid(String schema, String body) throws Exception {
    JsonSchema validator = FACTORY.getSchema(SchemaLocation.of(SCHEMAS.resolve(schema).toUri().toString()));
    Set<ValidationMessage> errors = validator.validate(JSON.readTree(body));
    assertThat(errors).as(schema + " against " + body).isEmpty();
  }

  @Test
  void servicesAndTheirDefinitions_validate() throws Exception {
    Http.Response services = new Http(port).get("/open311/v2/services.json");
    assertThat(services.status()).isEqualTo(200);
    assertValid("services.json", services.body());
    assertThat(services.json()).hasSize(15);
    assertThat(services.json().get(0).get("service_code").asText()).isEqualTo("TRANSPORT");
    assertThat(services.json().get(0).get("service_name").asText()).isEqualTo("交通出行");

    Http.Response definition = new Http(port).get("/open311/v2/services/HOUSING.json");
    assertThat(definition.status()).isEqualTo(200);
    assertValid("service-definition.json", definition.body());
    assertThat(definition.json().get("attributes").findValuesAsText("code")).contains("township", "village", "scope", "urgency");
  }

  @Test
  void aDemandAsAServiceRequest_validates_withoutPersonalData() throws Exception {
    JsonNode created = new Http(port).as("clerk").post("/api/demands", Demands.body()).json();
    String code = created.get("trackingCode").asText();
    Http.Response one = new Http(port).get("/open311/v2/requests/" + code + ".json");
    assertThat(one.status()).isEqualTo(200);
    assertValid("requests.json", one.body());
    JsonNode request = one.json().get(0);
    assertThat(request.get("service_request_id").asText()).isEqualTo(code);
    assertThat(request.get("status").asText()).isEqualTo("open");
    assertThat(request.get("service_code").asText()).isEqualTo("TRANSPORT");
    assertThat(request.get("agency_responsible").asText()).isEqualTo("交通运输局");
    assertThat(request.get("expected_datetime").asText()).isEqualTo(created.get("route").get("deadline").asText());
    assertThat(one.body()).doesNotContain("张三", "13812341234");

    Http.Response list = new Http(port).get("/open311/v2/requests.json?service_code=TRANSPORT&status=open");
    assertValid("requests.json", list.body());
    assertThat(list.json().findValuesAsText("service_request_id")).contains(code);
    Http.Response byIds = new Http(port).get("/open311/v2/requests.json?service_request_id=" + code + ",SL-2026-999999");
    assertThat(byIds.json().findValuesAsText("service_request_id")).containsExactly(code);
  }

  @Test
  void errors_comeInTheSpecsArrayForm() {
    for (String path : new String[] {"/open311/v2/services/ROADS.json", "/open311/v2/requests/SL-2026-999999.json",
        "/open311/v2/requests/nonsense.json"}) {
      Http.Response response = new Http(port).get(path);
      assertThat(response.status()).as(path).isEqualTo(404);
      assertThat(response.json().get(0).get("code").asInt()).isEqualTo(404);
      assertThat(response.json().get(0).get("description").asText()).isNotBlank();
    }
    for (String query : new String[] {"service_code=ROADS", "status=pending", "start_date=yesterday",
        "start_date=2026-12-01T00:00:00%2B08:00&end_date=2026-11-01T00:00:00%2B08:00"}) {
      Http.Response response = new Http(port).get("/open311/v2/requests.json?" + query);
      assertThat(response.status()).as(query).isEqualTo(400);
      assertThat(response.json().get(0).get("code").asInt()).isEqualTo(400);
    }
  }

  static String form(String... pairs) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i + 1 < pairs.length; i += 2) {
      if (out.length() > 0) out.append('&');
      out.append(java.net.URLEncoder.encode(pairs[i], java.nio.charset.StandardCharsets.UTF_8)).append('=')
          .append(java.net.URLEncoder.encode(pairs[i + 1], java.nio.charset.StandardCharsets.UTF_8));
    }
    return out.toString();
  }

  /** The POST answer's schema: the swagger description's RequestResponse, as an array. */
  static void assertValidCreated(String body) throws Exception {
    JsonNode swagger = JSON.readTree(SCHEMAS.resolve("swagger.json").toFile());
    com.fasterxml.jackson.databind.node.ObjectNode schema = JSON.createObjectNode();
    schema.put("type", "array");
    schema.put("minItems", 1);
    com.fasterxml.jackson.databind.node.ObjectNode items = swagger.get("definitions").get("RequestResponse").deepCopy();
    items.putArray("required").add("service_request_id");
    schema.set("items", items);
    Set<ValidationMessage> errors = FACTORY.getSchema(schema).validate(JSON.readTree(body));
    assertThat(errors).as("RequestResponse against " + body).isEmpty();
  }

  @org.springframework.beans.factory.annotation.Autowired cn.shangliang.system.PublicRateLimiter limiter;

  @Test
  void createAServiceRequest_withAnAdminIssuedKey_formEncoded() throws Exception {
    limiter.reset();
    assertThat(new Http(port).as("clerk").post("/api/admin/open311-keys", java.util.Map.of("name", "市民随手拍")).status())
        .isEqualTo(403);
    Http.Response issued = new Http(port).as("admin").post("/api/admin/open311-keys", java.util.Map.of("name", "市民随手拍"));
    assertThat(issued.status()).isEqualTo(201);
    String key = issued.json().get("key").asText();
    assertThat(key).startsWith("sl_").hasSizeGreaterThan(40);
    assertThat(new Http(port).as("admin").get("/api/admin/open311-keys").body()).contains("市民随手拍").doesNotContain(key);

    String village = "开放接口村" + java.util.UUID.randomUUID().toString().substring(0, 6);
    String[] good = {"api_key", key, "service_code", "SANITATION", "lat", "30.12", "long", "104.56",
        "description", "村口垃圾桶满了三天没人清运，联系人王小明13812345678。", "attribute[township]", "中峰镇",
        "attribute[village]", village, "attribute[urgency]", "NORMAL", "last_name", "王", "first_name", "小明", "phone", "13812345678"};

    Http.Response none = new Http(port).postForm("/open311/v2/requests.json", form("service_code", "SANITATION"));
    assertThat(none.status()).isEqualTo(403);
    assertThat(none.json().get(0).get("code").asInt()).isEqualTo(403);
    assertThat(new Http(port).postForm("/open311/v2/requests.json", form("api_key", "sl_wrong", "service_code", "SANITATION"))
        .status()).isEqualTo(403);
    Http.Response unknown = new Http(port).postForm("/open311/v2/requests.json", form(replace(good, "service_code", "NOPE")));
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.json().get(0).get("description").asText()).contains("NOPE");
    Http.Response noPlace = new Http(port).postForm("/open311/v2/requests.json", form(without(good, "lat", "long")));
    assertThat(noPlace.status()).isEqualTo(400);
    assertThat(noPlace.json().get(0).get("description").asText()).contains("location");
    assertThat(new Http(port).postForm("/open311/v2/requests.json", form(without(good, "attribute[village]"))).status()).isEqualTo(400);
    assertThat(new Http(port).postForm("/open311/v2/requests.json", form(replace(good, "lat", "north"))).status()).isEqualTo(400);
    assertThat(new Http(port).post("/open311/v2/requests.json", java.util.Map.of("api_key", key)).status())
        .as("JSON is not the spec's form encoding").isEqualTo(415);

    Http.Response created = new Http(port).header("Idempotency-Key", "photo-1").postForm("/open311/v2/requests.json", form(good));
    assertThat(created.status()).isEqualTo(200);
    assertValidCreated(created.body());
    String id = created.json().get(0).get("service_request_id").asText();
    assertThat(created.json().get(0).get("service_notice").asText()).isNotBlank();
    assertThat(new Http(port).header("Idempotency-Key", "photo-1").postForm("/open311/v2/requests.json", form(good)).json()
        .get(0).get("service_request_id").asText()).as("a retry is the same request").isEqualTo(id);

    Http.Response read = new Http(port).get("/open311/v2/requests/" + id + ".json");
    assertValid("requests.json", read.body());
    assertThat(read.json().get(0).get("agency_responsible").asText()).isEqualTo("城市管理局");
    assertThat(read.json().get(0).get("expected_datetime").asText()).isNotBlank();
    assertThat(read.json().get(0).get("lat").asDouble()).isEqualTo(30.12);
    assertThat(read.body()).doesNotContain("13812345678", "王小明");
    JsonNode staff = new Http(port).as("clerk").get("/api/demands/" + id).json();
    assertThat(staff.get("channel").asText()).isEqualTo("OPEN311");
    assertThat(staff.get("submitter").get("name").asText()).isEqualTo("王小明");

    String keyId = issued.json().get("id").asText();
    assertThat(new Http(port).as("admin").delete("/api/admin/open311-keys/" + keyId).json().get("revokedAt").asText()).isNotBlank();
    assertThat(new Http(port).postForm("/open311/v2/requests.json", form(good)).status()).as("revoked").isEqualTo(403);
  }

  static String[] without(String[] pairs, String... names) {
    java.util.List<String> out = new java.util.ArrayList<>();
    for (int i = 0; i + 1 < pairs.length; i += 2) {
      if (!java.util.List.of(names).contains(pairs[i])) {
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
