package cn.shangliang.intake;

import cn.shangliang.routing.RouteResult;
import cn.shangliang.routing.RoutingEngine;
import cn.shangliang.routing.RoutingFacts;
import cn.shangliang.system.ChinaTime;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.OffsetDateTime;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A dry run of the routing rules on a demand body: nothing is written. */
@RestController
@RequestMapping("/api/routing")
@Tag(name = "分流预览 Routing preview")
class RoutingPreviewController {
  private final RoutingEngine engine;
  private final DemandRouting routing;
  private final IntakeService intake;
  private final Clock clock;

  RoutingPreviewController(RoutingEngine engine, DemandRouting routing, IntakeService intake, Clock clock) {
    this.engine = engine;
    this.routing = routing;
    this.intake = intake;
    this.clock = clock;
  }

  @PostMapping("/preview")
  @Operation(summary = "分流预览", description = "用与登记诉求相同的请求体试算分流结果和时限，不写入任何数据。repeatCount 缺省时"
      + "按已登记的诉求计算；at（可选，默认现在）是时限起算的时刻。")
  RouteResult preview(@Valid @RequestBody DemandRequest request,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime at) {
    intake.checkDepartments(request);
    OffsetDateTime from = at != null ? at : clock.instant().atZone(ChinaTime.ZONE).toOffsetDateTime();
    int repeatCount = request.repeatCount() != null ? request.repeatCount()
        : routing.repeatCount(request.township().strip(), request.village().strip(), request.category(), from.toInstant(), -1);
    RoutingFacts facts = new RoutingFacts(request.category(), request.scope(), request.urgency(),
        request.answerableOnSiteOrDefault(), request.needsPolicyChangeOrDefault(), request.estimatedCostYuan(),
        request.departmentsInvolvedOrDefault(), request.coDepartmentsOrEmpty(), request.affectedPeopleOrDefault(), repeatCount);
    return engine.route(facts, from);
  }
}
