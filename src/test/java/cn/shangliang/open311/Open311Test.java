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
}
