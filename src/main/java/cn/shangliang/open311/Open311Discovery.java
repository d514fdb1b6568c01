package cn.shangliang.open311;

import cn.shangliang.open311.GeoReport.Discovery;
import cn.shangliang.open311.GeoReport.Endpoint;
import cn.shangliang.system.ChinaTime;
import cn.shangliang.system.ShangliangProperties;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.info.BuildProperties;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Open311 Service Discovery: where a client finds the GeoReport v2 endpoint, its formats and how to get a
 * key. The service list and definitions come from the code (the demand categories and the routing's
 * fields), so they change only with a new build: the changeset is the build's time (the start of this
 * process when no build information was packaged, which at worst makes clients refresh once more).
 */
@RestController
@RequestMapping("/open311")
@Tag(name = "Open311 GeoReport v2")
class Open311Discovery {
  static final String SPECIFICATION = "http://wiki.open311.org/GeoReport_v2";

  private final Discovery discovery;

  Open311Discovery(ShangliangProperties properties, ObjectProvider<BuildProperties> build, Clock clock,
      @Value("${shangliang.open311.contact}") String contact, @Value("${shangliang.open311.key-service}") String keyService) {
    Instant built = build.stream().map(BuildProperties::getTime).filter(Objects::nonNull).findFirst().orElse(clock.instant());
    OffsetDateTime changeset = ChinaTime.of(built);
    String url = properties.publicUrl().replaceAll("/+$", "") + "/open311/v2";
    Endpoint endpoint = new Endpoint(SPECIFICATION, url, changeset, "production",
        List.of(Open311Xml.TEXT_XML.getType() + "/" + Open311Xml.TEXT_XML.getSubtype(), MediaType.APPLICATION_JSON_VALUE));
    this.discovery = new Discovery(changeset, contact, keyService, List.of(endpoint));
  }

  @GetMapping("/discovery.json")
  @Operation(summary = "服务发现（JSON）：GeoReport v2 接口的地址、格式、规范和密钥申请方式")
  @ApiResponse(responseCode = "200", description = "服务发现", content = @Content(mediaType = Open311Docs.JSON,
      schema = @Schema(implementation = Discovery.class)))
  Discovery discovery() {
    return discovery;
  }

  @GetMapping("/discovery.xml")
  @Operation(summary = "服务发现（XML）：<discovery>…<endpoints><endpoint>…")
  @ApiResponse(responseCode = "200", description = "服务发现", content = @Content(mediaType = Open311Docs.XML,
      schema = @Schema(implementation = Discovery.class)))
  ResponseEntity<Discovery> discoveryXml() {
    return Open311Xml.ok(discovery);
  }
}
