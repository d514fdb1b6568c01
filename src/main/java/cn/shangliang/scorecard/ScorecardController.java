package cn.shangliang.scorecard;

import cn.shangliang.sla.Csv;
import cn.shangliang.system.ChinaTime;
import cn.shangliang.system.InvalidRequestException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** 民主协商打分器: scores per matter, platform and township per period (year 2026, quarter 2026-Q3, month 2026-03). */
@RestController
@RequestMapping("/api/scorecard")
@Tag(name = "协商打分器 Scorecard")
@PreAuthorize("hasAnyAuthority('admin', 'supervisor', 'leadership', 'liaison-office', 'convenor')")
class ScorecardController {
  private final Scorecard scorecard;

  ScorecardController(Scorecard scorecard) {
    this.scorecard = scorecard;
  }

  record SchemeView(String name, double bonusCap, String coreMissedGrade, List<ScorecardScheme.Grade> grades,
      List<IndicatorView> indicators, List<ItemView> bonus, Map<String, String> measures) {}

  record IndicatorView(String key, String label, double weight, double full, List<ItemView> items, List<ItemView> deductions) {}

  record ItemView(String key, String label, String measure, String test, double points, boolean core, boolean perOccurrence) {}

  @GetMapping("/scheme")
  @Operation(summary = "现行打分方案", description = "rules/scorecard/scheme.yaml 中的指标、条目、加减分和等次，以及条目可引用的度量。")
  SchemeView scheme() {
    ScorecardScheme s = scorecard.scheme();
    return new SchemeView(s.name(), s.bonusCap(), s.coreMissedGrade(), s.grades(),
        s.indicators().stream().map(i -> new IndicatorView(i.key(), i.label(), i.weight(), i.full(), items(i.items()),
            items(i.deductions()))).toList(), items(s.bonus()), new TreeMap<>(ScorecardScheme.MEASURES));
  }

  private static List<ItemView> items(List<ScoreItem> items) {
    return items.stream().map(i -> new ItemView(i.getKey(), i.getLabel(), i.getMeasure(), i.test(), i.getPoints(), i.isCore(),
        i.isPerOccurrence())).toList();
  }

  @GetMapping("/matters")
  @Operation(summary = "事项得分", description = "期间内首次协商的每个事项，得分高的在前，附得分和失分的条目。期间 period：年（2026）、季度（2026-Q3）或月（2026-03），默认本年。"
      + "分页（可选）：limit 1 到 1000，offset 从 0 起（默认 0）；不给 limit 时返回全部。")
  List<MatterScore> matters(@RequestParam(required = false) String period, @RequestParam(required = false) Integer limit,
      @RequestParam(required = false) Integer offset) {
    List<InvalidRequestException.FieldError> errors = new ArrayList<>();
    if (limit != null && (limit < 1 || limit > 1000)) errors.add(new InvalidRequestException.FieldError("limit", "must be 1 to 1000"));
    if (offset != null && offset < 0) errors.add(new InvalidRequestException.FieldError("offset", "must be 0 or more"));
    if (offset != null && limit == null) errors.add(new InvalidRequestException.FieldError("limit", "needed with offset"));
    if (!errors.isEmpty()) throw new InvalidRequestException(errors);
    return scorecard.matters(scorecard.period(period), offset, limit);
  }

  @GetMapping("/matters/{idOrCode}")
  @Operation(summary = "一个事项的得分", description = "按编号或受理编号。")
  @ApiResponse(responseCode = "200", description = "事项的得分", useReturnTypeSchema = true)
  @ApiResponse(responseCode = "404", description = "事项不存在，或还没有它的议事记录")
  MatterScore matter(@PathVariable String idOrCode) {
    return scorecard.matter(idOrCode);
  }

  @GetMapping("/townships")
  @Operation(summary = "乡镇排名", description = "按期间内各乡镇事项的平均分排名。期间 period：年（2026）、季度（2026-Q3）或月（2026-03），默认本年。")
  Scorecard.Ranking townships(@RequestParam(required = false) String period) {
    return scorecard.townships(scorecard.period(period));
  }

  @GetMapping("/platforms")
  @Operation(summary = "协商平台排名", description = "按期间内在各平台协商的事项的平均分排名。期间 period：年（2026）、季度（2026-Q3）或月（2026-03），默认本年。")
  Scorecard.Ranking platforms(@RequestParam(required = false) String period) {
    return scorecard.platforms(scorecard.period(period));
  }

  @GetMapping(value = "/matters.csv")
  @Operation(summary = "导出事项得分（CSV）", description = "Excel 可直接打开，中文不乱码。"
      + "期间 period：年（2026）、季度（2026-Q3）或月（2026-03），默认本年。")
  @ApiResponse(responseCode = "200", description = "CSV 文件（UTF-8 带 BOM）", content = @Content(mediaType = "text/csv"))
  ResponseEntity<byte[]> mattersCsv(@RequestParam(required = false) String period) {
    ScorePeriod p = scorecard.period(period);
    ScorecardScheme scheme = scorecard.scheme();
    List<String> header = new ArrayList<>(List.of("受理编号", "诉求标题", "乡镇（街道）", "村（社区）", "协商平台", "议事记录时间", "总分", "等次"));
    scheme.indicators().forEach(i -> header.add(i.label() + "（" + ScoreFormat.number(i.weight()) + "）"));
    header.addAll(List.of("加分", "核心项目未达到", "失分与扣分条目", "未到评价时点的条目"));
    List<List<Object>> rows = new ArrayList<>();
    for (MatterScore s : scorecard.matters(p)) {
      List<Object> row = new ArrayList<>(List.of(s.trackingCode(), s.title(), s.township(), s.village(),
          Csv.orEmpty(s.platformName()), ChinaTime.text(s.consultedAt()), s.total(), s.grade()));
      s.indicators().forEach(i -> row.add(i.score()));
      row.add(s.bonus());
      row.add(String.join("；", s.coreMissed()));
      row.add(s.items().stream().filter(i -> i.lost() > 0 || i.change() < 0)
          .map(i -> i.label() + "（" + (i.change() < 0 ? ScoreFormat.number(i.change()) : "-" + ScoreFormat.number(i.lost()))
              + "，实际：" + i.measured() + "）").collect(Collectors.joining("；")));
      row.add(String.join("；", s.pending()));
      rows.add(row);
    }
    return Csv.download("协商打分-事项-" + p.label() + ".csv", header, rows);
  }

  @GetMapping(value = "/townships.csv")
  @Operation(summary = "导出乡镇排名（CSV）", description = "期间 period：年（2026）、季度（2026-Q3）或月（2026-03），默认本年。")
  @ApiResponse(responseCode = "200", description = "CSV 文件（UTF-8 带 BOM）", content = @Content(mediaType = "text/csv"))
  ResponseEntity<byte[]> townshipsCsv(@RequestParam(required = false) String period) {
    ScorePeriod p = scorecard.period(period);
    return rankingCsv("乡镇（街道）", "协商打分-乡镇-" + p.label() + ".csv", scorecard.townships(p));
  }

  @GetMapping(value = "/platforms.csv")
  @Operation(summary = "导出协商平台排名（CSV）", description = "期间 period：年（2026）、季度（2026-Q3）或月（2026-03），默认本年。")
  @ApiResponse(responseCode = "200", description = "CSV 文件（UTF-8 带 BOM）", content = @Content(mediaType = "text/csv"))
  ResponseEntity<byte[]> platformsCsv(@RequestParam(required = false) String period) {
    ScorePeriod p = scorecard.period(period);
    return rankingCsv("协商平台", "协商打分-平台-" + p.label() + ".csv", scorecard.platforms(p));
  }

  private ResponseEntity<byte[]> rankingCsv(String what, String file, Scorecard.Ranking ranking) {
    ScorecardScheme scheme = scorecard.scheme();
    List<String> header = new ArrayList<>(List.of("名次", what, "乡镇（街道）", "事项数", "平均分", "最低分", "最高分", "等次"));
    scheme.indicators().forEach(i -> header.add(i.label()));
    header.add("失分最多的条目");
    List<List<Object>> rows = new ArrayList<>();
    for (Scorecard.Standing s : ranking.standings()) rows.add(rankingRow(s, scheme));
    if (ranking.withoutPlatform() != null) rows.add(rankingRow(ranking.withoutPlatform(), scheme));
    return Csv.download(file, header, rows);
  }

  /** One line of a ranking; the line outside it (matters met at no platform) has no rank: "—". */
  private static List<Object> rankingRow(Scorecard.Standing s, ScorecardScheme scheme) {
    List<Object> row = new ArrayList<>(List.of(s.rank() == 0 ? "—" : s.rank(), s.name(), Csv.orEmpty(s.township()), s.matters(),
        s.average(), s.lowest(), s.highest(), s.grade()));
    scheme.indicators().forEach(i -> row.add(Csv.orEmpty(s.indicators().get(i.label()))));
    row.add(s.mostLost().stream().map(w -> w.label() + "（" + w.times() + "次）").collect(Collectors.joining("；")));
    return row;
  }
}
