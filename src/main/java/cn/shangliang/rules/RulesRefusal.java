package cn.shangliang.rules;

import cn.shangliang.system.ChinaTime;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** The last change of {@code rules/} that was refused, kept until a reload puts the folder in force. */
@Schema(description = "最近一次被拒绝的规则修改；之后重新加载成功即清除（为 null）")
public record RulesRefusal(
    @Schema(description = "拒绝的时间（重新加载或目录监视发现修改时）") OffsetDateTime at,
    @Schema(description = "编译器或解析器指出有误的文件（相对 rules/）") List<String> files,
    @Schema(description = "与现行规则不同的文件：修改、新增或删除的（相对 rules/）") List<String> changedFiles,
    @Schema(description = "编译器或解析器的消息，多条以“; ”分隔，含文件和行号") String message,
    @Schema(description = "第一条消息所指的行号；不知道时为 null", nullable = true) Integer line,
    @Schema(description = "仍然生效的现行规则的校验和（即 checksum）") String stillInForce,
    @Schema(description = "逐条的错误：文件、行号（可为 null）、消息") List<RuleProblem> problems) {

  static RulesRefusal of(RuleCompilationException refused, RuleBase inForce, Instant at) {
    List<RuleProblem> problems = refused.problems();
    return new RulesRefusal(ChinaTime.of(at),
        problems.stream().map(RuleProblem::file).filter(Objects::nonNull).distinct().toList(),
        changedFiles(inForce.files(), refused.filesRead()),
        String.join("; ", refused.messages()),
        problems.isEmpty() ? null : problems.get(0).line(),
        inForce.checksum(),
        problems);
  }

  /** Paths present on one side only, or with a different checksum, sorted. */
  private static List<String> changedFiles(List<RuleBase.RuleFile> inForce, List<RuleBase.RuleFile> read) {
    Map<String, String> before = bySha(inForce);
    Map<String, String> after = bySha(read);
    TreeSet<String> paths = new TreeSet<>(before.keySet());
    paths.addAll(after.keySet());
    return paths.stream().filter(path -> !Objects.equals(before.get(path), after.get(path))).toList();
  }

  private static Map<String, String> bySha(List<RuleBase.RuleFile> files) {
    return files.stream().collect(Collectors.toMap(RuleBase.RuleFile::path, RuleBase.RuleFile::sha256, (a, b) -> a));
  }
}
