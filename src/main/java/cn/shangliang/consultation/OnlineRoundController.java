package cn.shangliang.consultation;

import cn.shangliang.system.InvalidRequestException;
import cn.shangliang.system.PublicRateLimiter;
import io.swagger.v3.oas.annotations.Operation;
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
  @Operation(summary = "The matter's latest online round: links, who answered, opinions, counts (404 when none)")
  OnlineRounds.RoundView round(@PathVariable String idOrCode) {
    return rounds.view(idOrCode);
  }

  @PostMapping("/api/demands/{idOrCode}/online-round/invitations")
  @PreAuthorize("hasAnyAuthority('admin', 'convenor')")
  @Operation(summary = "Invite more people ({\"invitees\": [{\"name\", \"kind\": RESIDENTS | STAKEHOLDERS | …}]}): 201 with "
      + "their links; 409 when the round is closed or expired")
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
  @Operation(summary = "Close the round: its counts and suggestions go into the meeting record (409 when already closed)")
  OnlineRounds.RoundView close(@PathVariable String idOrCode, Authentication user) {
    return rounds.close(idOrCode, user.getName());
  }

  @GetMapping("/api/public/rounds/{token}")
  @Operation(summary = "What an invitation link shows: the matter without personal data, the round's state, counts and "
      + "suggestions (unsigned, masked)")
  OnlineRounds.PublicRoundView publicRound(@PathVariable String token) {
    return rounds.publicView(token);
  }

  @PostMapping("/api/public/rounds/{token}/opinions")
  @Operation(summary = "Give the link's one opinion ({\"stance\": SUPPORT | OPPOSE | SUGGESTION, \"text\"}): 201; 409 when "
      + "already given or the round is closed; 410 when the link has expired; rate-limited per address")
  ResponseEntity<OnlineRounds.OpinionReceipt> opine(@PathVariable String token, @RequestBody(required = false) OpinionRequest body,
      HttpServletRequest http) {
    limiter.consume(http.getRemoteAddr());
    return ResponseEntity.status(201).body(rounds.opine(token, body == null ? null : body.stance(), body == null ? null : body.text()));
  }
}
