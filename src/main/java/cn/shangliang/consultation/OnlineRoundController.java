package cn.shangliang.consultation;

import cn.shangliang.system.InvalidRequestException;
import cn.shangliang.system.PublicRateLimiter;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * 网络协商: the convenor's round of a matter (links, who answered, closing it into the meeting record) and the
 * invited public's page behind each link (no account; one opinion per link; rate-limited like every public write).
 */
@RestController
@Tag(name = "网络协商 Online rounds")
class OnlineRoundController {
  record InviteeRequest(String name, String kind) {}

  record InviteRequest(List<InviteeRequest> invitees) {}

  record OpinionRequest(String stance, String text) {}

  private final OnlineRounds rounds;
  private final PublicRateLimiter limiter;

  OnlineRoundController(OnlineRounds rounds, PublicRateLimiter limiter) {
    this.rounds = rounds;
    this.limiter = limiter;
  }

  @GetMapping("/api/demands/{idOrCode}/online-round")
  @PreAuthorize("hasAnyAuthority('admin', 'convenor', 'liaison-office', 'supervisor', 'leadership')")
  @Operation(summary = "查看网络协商", description = "事项最近一轮网络协商：邀请链接、谁已发表意见、意见内容和统计。")
  @ApiResponse(responseCode = "200", description = "网络协商的情况", useReturnTypeSchema = true)
  @ApiResponse(responseCode = "404", description = "事项不存在，或没有网络协商")
  OnlineRounds.RoundView round(@PathVariable String idOrCode) {
    return rounds.view(idOrCode);
  }

  @PostMapping("/api/demands/{idOrCode}/online-round/invitations")
  @PreAuthorize("hasAnyAuthority('admin', 'convenor')")
  @Operation(summary = "追加网络协商邀请", description = "请求体 {\"invitees\": [{\"name\", \"kind\"}]}，kind 为参与方类别"
      + "：MEMBERS、VILLAGE_COMMITTEE、RESIDENTS、DEPARTMENTS、EXPERTS、STAKEHOLDERS 或其中文名称（如 群众代表）；"
      + "答复含新邀请的链接。")
  @ApiResponse(responseCode = "201", description = "已邀请：新的邀请及其链接", useReturnTypeSchema = true)
  @ApiResponse(responseCode = "404", description = "事项不存在，或没有网络协商")
  @ApiResponse(responseCode = "409", description = "网络协商已结束或已过有效期")
  ResponseEntity<List<OnlineRounds.InvitationView>> invite(@PathVariable String idOrCode, @RequestBody InviteRequest body,
      Authentication user) {
    List<InvalidRequestException.FieldError> errors = new ArrayList<>();
    List<OnlineRounds.Invitee> invitees = new ArrayList<>();
    if (body == null || body.invitees() == null || body.invitees().isEmpty()) {
      errors.add(new InvalidRequestException.FieldError("invitees", "请至少邀请一人"));
    } else {
      for (InviteeRequest i : body.invitees()) {
        invitees.add(new OnlineRounds.Invitee(i == null ? null : i.name(), i == null || i.kind() == null ? null : OnlineRounds.kind(i.kind())));
      }
      OnlineRounds.validate(invitees, errors, "invitees");
    }
    if (!errors.isEmpty()) throw new InvalidRequestException(errors);
    return ResponseEntity.status(201).body(rounds.invite(idOrCode, invitees, user.getName()));
  }

  @PostMapping("/api/demands/{idOrCode}/online-round/close")
  @PreAuthorize("hasAnyAuthority('admin', 'convenor')")
  @Operation(summary = "结束网络协商", description = "结束本轮网络协商，其统计和建议写入议事记录。")
  @ApiResponse(responseCode = "200", description = "已结束：网络协商的最终情况", useReturnTypeSchema = true)
  @ApiResponse(responseCode = "404", description = "事项不存在，或没有网络协商")
  @ApiResponse(responseCode = "409", description = "网络协商已经结束")
  OnlineRounds.RoundView close(@PathVariable String idOrCode, Authentication user) {
    return rounds.close(idOrCode, user.getName());
  }

  @GetMapping("/api/public/rounds/{token}")
  @Operation(summary = "邀请链接的网络协商页面", description = "被邀请人打开链接看到的内容：事项（不含个人信息）、协商的状态、统计和建议"
      + "（不署名、已脱敏）。")
  @ApiResponse(responseCode = "200", description = "网络协商页面的内容", useReturnTypeSchema = true)
  @ApiResponse(responseCode = "404", description = "链接无效")
  OnlineRounds.PublicRoundView publicRound(@PathVariable String token) {
    return rounds.publicView(token);
  }

  @PostMapping("/api/public/rounds/{token}/opinions")
  @Operation(summary = "通过邀请链接发表意见", description = "请求体 {\"stance\": SUPPORT 支持 | OPPOSE 反对 | SUGGESTION 建议, "
      + "\"text\"}；每个链接只能发表一次。按来源地址限制频率。")
  @ApiResponse(responseCode = "201", description = "已收到意见", useReturnTypeSchema = true)
  @ApiResponse(responseCode = "404", description = "链接无效")
  @ApiResponse(responseCode = "409", description = "这个链接已经发表过意见，或网络协商已结束")
  @ApiResponse(responseCode = "410", description = "邀请链接已过期")
  @ApiResponse(responseCode = "429", description = PublicRateLimiter.TOO_MANY)
  ResponseEntity<OnlineRounds.OpinionReceipt> opine(@PathVariable String token, @RequestBody(required = false) OpinionRequest body,
      HttpServletRequest http) {
    limiter.consume(http.getRemoteAddr());
    return ResponseEntity.status(201).body(rounds.opine(token, body == null ? null : body.stance(), body == null ? null : body.text()));
  }
}
