package cn.shangliang.system;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shangliang.support.Http;
import cn.shangliang.support.PlatformTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The OpenAPI description as a stranger meets it (issue #18): the product and its version, HTTP Basic that
 * Swagger UI's Authorize button sends, a Chinese summary on every operation, the security each operation
 * needs, and problem JSON for every error of {@code /api}. The description is also written to
 * {@code target/openapi.json}.
 */
@PlatformTest
class OpenApiDescriptionTest {
  private static final Pattern CHINESE = Pattern.compile("\\p{IsHan}");

  @LocalServerPort int port;

  JsonNode api() throws IOException {
    Http.Response response = new Http(port).get("/v3/api-docs");
    assertThat(response.status()).isEqualTo(200);
    Files.createDirectories(Path.of("target"));
    Files.writeString(Path.of("target", "openapi.json"), response.json().toPrettyString(), StandardCharsets.UTF_8);
    return response.json();
  }

  @Test
  void theDescription_namesTheProduct_andTheVersionOfTheBuild() throws IOException {
    JsonNode info = api().get("info");
    assertThat(info.get("title").asText()).isEqualTo("Shangliang 商量 — 有事好商量 协商议事平台");
    assertThat(info.get("version").asText()).as("the version in pom.xml").isEqualTo(pomVersion());
    assertThat(info.get("description").asText()).contains("application/problem+json", "errors", "HTTP Basic");
  }

  @Test
  void httpBasic_isTheSecurityScheme_andSwaggerUiIsServedOpen() throws IOException {
    JsonNode scheme = api().at("/components/securitySchemes/basicAuth");
    assertThat(scheme.get("type").asText()).isEqualTo("http");
    assertThat(scheme.get("scheme").asText()).isEqualTo("basic");
    Http anonymous = new Http(port);
    assertThat(anonymous.get("/swagger-ui/index.html").status()).isEqualTo(200);
    assertThat(anonymous.get("/v3/api-docs/swagger-config").json().get("url").asText()).isEqualTo("/v3/api-docs");
    // what the Authorize button sends with each call: an Authorization: Basic header
    assertThat(new Http(port).as("clerk").get("/api/notifications/count").status()).isEqualTo(200);
    assertThat(anonymous.get("/api/notifications/count").status()).isEqualTo(401);
    // as the description says: wrong credentials are refused on the public API too
    assertThat(anonymous.header("Authorization", "Basic d3Jvbmc6d3Jvbmc=").get("/api/public/notices").status()).isEqualTo(401);
  }

  @Test
  void everyOperation_hasAChineseSummary_itsSecurity_andProblemJsonForItsErrors() throws IOException {
    JsonNode api = api();
    List<String> wrong = new ArrayList<>();
    int operations = 0;
    for (Map.Entry<String, JsonNode> path : (Iterable<Map.Entry<String, JsonNode>>) api.get("paths")::fields) {
      for (Map.Entry<String, JsonNode> entry : (Iterable<Map.Entry<String, JsonNode>>) path.getValue()::fields) {
        String name = entry.getKey().toUpperCase() + " " + path.getKey();
        JsonNode operation = entry.getValue();
        operations++;
        if (!CHINESE.matcher(operation.path("summary").asText()).find()) wrong.add(name + ": no Chinese summary");
        boolean open = path.getKey().startsWith("/api/public/") || path.getKey().startsWith("/open311/");
        String security = operation.path("security").toString();
        if (!security.equals(open ? "[]" : "[{\"basicAuth\":[]}]")) wrong.add(name + ": security " + security);
        if (open == operation.at("/responses/401").isObject()) wrong.add(name + ": 401 documented " + !open);
        if (path.getKey().startsWith("/api/")) problemJson(name, operation.get("responses"), wrong);
      }
    }
    assertThat(operations).as("operations described").isGreaterThan(50);
    assertThat(wrong).isEmpty();
  }

  private static void problemJson(String operation, JsonNode responses, List<String> wrong) {
    responses.fields().forEachRemaining(response -> {
      if (response.getKey().compareTo("400") < 0) return;
      JsonNode schema = response.getValue().at("/content/application~1problem+json/schema/$ref");
      if (!schema.asText().matches("#/components/schemas/(Problem|RulesRefused)")) {
        wrong.add(operation + " " + response.getKey() + ": not problem JSON " + response.getValue().path("content"));
      }
    });
  }

  /** The project's own version in pom.xml (the one after its artifactId, not the parent's). */
  static String pomVersion() throws IOException {
    String pom = Files.readString(Path.of("pom.xml"), StandardCharsets.UTF_8);
    Matcher version = Pattern.compile("<artifactId>shangliang</artifactId>\\s*<version>([^<]+)</version>").matcher(pom);
    assertThat(version.find()).as("the project's version in pom.xml").isTrue();
    return version.group(1);
  }
}
