package cn.shangliang.rules;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;
import cn.shangliang.sla.WorkingCalendar;
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

  record RulesView(String source, String checksum, OffsetDateTime loadedAt, List<RuleBase.RuleFile> files) {
    static RulesView of(RuleBase base) {
      return new RulesView(base.source(), base.checksum(), WorkingCalendar.inChina(base.loadedAt()),
          base.files());
    }
  }

  private final RulesService rules;

  RulesAdminController(RulesService rules) {
    this.rules = rules;
  }

  @GetMapping
  @Operation(summary = "The rule files in force, their checksums and load time")
  RulesView inForce() {
    return RulesView.of(rules.current());
  }

  @PostMapping("/reload")
  @Operation(summary = "Recompile rules/; 422 with the compiler's messages keeps the rules in force")
  ResponseEntity<?> reload() {
    try {
      return ResponseEntity.ok(RulesView.of(rules.reload()));
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
