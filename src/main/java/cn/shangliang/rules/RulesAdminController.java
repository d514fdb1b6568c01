package cn.shangliang.rules;

import cn.shangliang.system.ChinaTime;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/admin/rules")
@Tag(name = "规则管理 Rules administration")
class RulesAdminController {

  record RulesView(String source, String checksum, OffsetDateTime loadedAt, List<RuleBase.RuleFile> files,
      @Schema(description = "最近一次被拒绝的修改（文件、消息、行号、时间，现行规则仍然生效）；"
          + "没有被拒绝的修改，或之后已重新加载成功时为 null", nullable = true) RulesRefusal lastRefusal) {
    static RulesView of(RuleBase base, Optional<RulesRefusal> lastRefusal) {
      return new RulesView(base.source(), base.checksum(), ChinaTime.of(base.loadedAt()),
          base.files(), lastRefusal.orElse(null));
    }
  }

  private final RulesService rules;

  RulesAdminController(RulesService rules) {
    this.rules = rules;
  }

  @GetMapping
  @Operation(summary = "现行规则", description = "生效的规则文件、校验和及加载时间；lastRefusal 说明最近一次被拒绝的修改"
      + "（重新加载或目录监视发现的）：哪个文件、编译器或解析器的消息和行号、何时，以及仍然生效的规则。")
  RulesView inForce() {
    return RulesView.of(rules.current(), rules.lastRefusal());
  }

  @PostMapping("/reload")
  @Operation(summary = "重新加载规则", description = "重新编译 rules/ 目录下的规则文件并生效；有错误时不加载，现行规则继续生效。")
  @ApiResponse(responseCode = "200", description = "已加载：新的现行规则",
      content = @Content(schema = @Schema(implementation = RulesView.class)))
  @ApiResponse(responseCode = "422", description = "规则文件有误，未加载：答复含编译器的消息，现行规则继续生效",
      content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "RulesRefused")))
  ResponseEntity<?> reload() {
    try {
      return ResponseEntity.ok(RulesView.of(rules.reload(), rules.lastRefusal()));
    } catch (RuleCompilationException e) {
      ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_ENTITY,
          "规则文件有误，未加载；现行规则继续生效。 " + String.join("; ", e.messages()));
      problem.setTitle("Rules refused");
      problem.setType(URI.create("https://shangliang.cn/problems/rules-refused"));
      problem.setProperty("messages", e.messages());
      problem.setProperty("checksumInForce", rules.current().checksum());
      return ResponseEntity.unprocessableEntity().body(problem);
    }
  }
}
