package cn.shangliang.publicity;

import cn.shangliang.intake.Demand;
import cn.shangliang.intake.DemandQueries;
import cn.shangliang.system.ForbiddenException;
import cn.shangliang.system.InvalidRequestException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * 电话回访: as 12345 hotlines do, the liaison office (or intake, or an administrator) calls the submitter back and
 * records their rating on their behalf. The recording user and the channel are kept with the evaluation; a
 * department never records an evaluation of its own work.
 */
@RestController
@RequestMapping("/api/demands")
@Tag(name = "诉求 Demands")
class PhoneCallbackController {
  private static final String DEPARTMENT_GROUP = "dept-";

  record CallbackRequest(SatisfactionEvaluation.Rating rating, String comment, SatisfactionEvaluation.Channel channel) {}

  record CallbackReceipt(String trackingCode, String rating, String ratingLabel, String channel, String channelLabel,
      String recordedBy, OffsetDateTime answeredAt) {}

  private final DemandQueries demands;
  private final PublicResponses responses;

  PhoneCallbackController(DemandQueries demands, PublicResponses responses) {
    this.demands = demands;
    this.responses = responses;
  }

  @PostMapping("/{id}/evaluation")
  @PreAuthorize("hasAnyAuthority('intake', 'liaison-office', 'admin')")
  @Operation(summary = "电话回访", description = "工作人员代提交人记录满意度评价（{\"rating\", \"comment\", "
      + "\"channel\": \"PHONE_CALLBACK\"}），记录人随评价保存。")
  @ApiResponse(responseCode = "201", description = "已记录", useReturnTypeSchema = true)
  @ApiResponse(responseCode = "403", description = "承办部门不能评价本部门办理的诉求")
  @ApiResponse(responseCode = "409", description = "该诉求目前没有待评价的办理结果")
  ResponseEntity<CallbackReceipt> record(@PathVariable String id, @RequestBody(required = false) CallbackRequest body,
      Authentication user) {
    Demand demand = demands.find(id);
    if (body != null && body.channel() != null && body.channel() != SatisfactionEvaluation.Channel.PHONE_CALLBACK) {
      throw new InvalidRequestException(List.of(new InvalidRequestException.FieldError("channel",
          "工作人员代为记录的评价只能是电话回访（PHONE_CALLBACK）；群众本人请凭查询码在公开页面评价")));
    }
    String comment = PublicController.validatedComment(body == null ? null : body.rating(), body == null ? null : body.comment());
    refuseOwnWork(demand, user);
    SatisfactionEvaluation evaluation = responses.evaluate(demand.getTrackingCode(), body.rating(), comment,
        SatisfactionEvaluation.Channel.PHONE_CALLBACK, user.getName());
    return ResponseEntity.status(HttpStatus.CREATED).body(new CallbackReceipt(demand.getTrackingCode(),
        evaluation.getRating().name(), evaluation.getRating().label(), evaluation.getChannel().name(),
        evaluation.getChannel().label(), evaluation.getRecordedBy(), PublicController.at(evaluation.getAnsweredAt())));
  }

  /** Staff who also belong to a department that handled the demand may not grade that department's work. */
  private void refuseOwnWork(Demand demand, Authentication user) {
    Set<String> ownDepartments = user.getAuthorities().stream().map(GrantedAuthority::getAuthority)
        .filter(g -> g.startsWith(DEPARTMENT_GROUP)).map(g -> g.substring(DEPARTMENT_GROUP.length())).collect(Collectors.toSet());
    if (demands.departmentsOf(demand).stream().anyMatch(ownDepartments::contains)) {
      throw new ForbiddenException("承办部门不能评价本部门办理的诉求，请由政协工委或受理人员回访记录");
    }
  }
}
