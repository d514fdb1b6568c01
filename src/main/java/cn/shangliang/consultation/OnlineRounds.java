package cn.shangliang.consultation;

import cn.shangliang.consultation.OnlineRoundRecords.Invitation;
import cn.shangliang.consultation.OnlineRoundRecords.Opinion;
import cn.shangliang.consultation.OnlineRoundRecords.Round;
import cn.shangliang.consultation.OnlineRoundRecords.Stance;
import cn.shangliang.intake.Demand;
import cn.shangliang.intake.DemandQueries;
import cn.shangliang.intake.DemandRecords;
import cn.shangliang.privacy.Masking;
import cn.shangliang.system.ChinaTime;
import cn.shangliang.system.ConflictException;
import cn.shangliang.system.GoneException;
import cn.shangliang.system.InvalidRequestException;
import cn.shangliang.system.NotFoundException;
import cn.shangliang.system.ShangliangProperties;
import jakarta.persistence.LockModeType;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 网络协商 (DOMAIN.md §10): when the convenor schedules an online meeting a round opens; each invited resident or
 * stakeholder gets a link with a random token, valid until the round expires (the meeting time plus
 * {@code shangliang.rounds.open-after-meeting}, default a day), and gives one opinion without an account. Other
 * participants see the counts and the suggestions masked, never who said what. Closing the round — by the convenor,
 * or by recording the meeting — writes the counts and suggestions into the meeting record.
 */
@Service
public class OnlineRounds {
  static final int MAX_INVITEES = 500;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final RoundRepository rounds;
  private final RoundInvitationRepository invitations;
  private final RoundOpinionRepository opinions;
  private final RoundLocks locks;
  private final MeetingRepository meetings;
  private final DemandQueries demandQueries;
  private final DemandRecords demandRecords;
  private final Clock clock;
  private final String publicUrl;
  private final Duration openAfterMeeting;

  OnlineRounds(RoundRepository rounds, RoundInvitationRepository invitations, RoundOpinionRepository opinions, RoundLocks locks,
      MeetingRepository meetings, DemandQueries demandQueries, DemandRecords demandRecords, Clock clock,
      ShangliangProperties properties, @Value("${shangliang.rounds.open-after-meeting:PT24H}") Duration openAfterMeeting) {
    this.rounds = rounds;
    this.invitations = invitations;
    this.opinions = opinions;
    this.locks = locks;
    this.meetings = meetings;
    this.demandQueries = demandQueries;
    this.demandRecords = demandRecords;
    this.clock = clock;
    this.publicUrl = properties.publicUrl().replaceAll("/+$", "");
    this.openAfterMeeting = openAfterMeeting;
  }

  public record Invitee(String name, ParticipantKind kind) {}

  public record InvitationView(String id, String invitee, String kind, String kindLabel, String link, boolean answered,
      OffsetDateTime createdAt) {}

  public record OpinionView(String invitee, String stance, String stanceLabel, String text, OffsetDateTime submittedAt) {}

  /** The staff's view: every link and who answered what. */
  public record RoundView(String id, String trackingCode, String meetingId, String status, String statusLabel,
      OffsetDateTime openedAt, OffsetDateTime expiresAt, OffsetDateTime closedAt, String closedBy, Map<String, Integer> counts,
      List<InvitationView> invitations, List<OpinionView> opinions, String meetingRecord) {}

  /** A participant's view: the matter without personal data, the counts, the suggestions masked and unsigned. */
  public record PublicRoundView(String title, String description, String township, String village, String meetingForm,
      OffsetDateTime meetingTime, OffsetDateTime expiresAt, String status, String statusLabel, boolean answered,
      String yourStance, Map<String, Integer> counts, List<PublicSuggestion> suggestions) {}

  public record PublicSuggestion(String stance, String stanceLabel, String text, OffsetDateTime submittedAt) {}

  public record OpinionReceipt(String stance, String stanceLabel, OffsetDateTime submittedAt) {}

  // ---- the convenor ----

  /** Opens the meeting's round (at scheduling an online meeting); invitees from the form, if any. */
  @Transactional
  public Round open(Meeting meeting, List<Invitee> invitees, String actor) {
    Instant now = clock.instant();
    Instant from = meeting.getScheduledFor().isAfter(now) ? meeting.getScheduledFor() : now;
    Round round = rounds.findByMeetingId(meeting.getId())
        .orElseGet(() -> rounds.save(new Round(meeting.getId(), meeting.getDemandId(), from.plus(openAfterMeeting), now, actor)));
    for (Invitee invitee : invitees) add(round, invitee, actor);
    demandRecords.event(meeting.getDemandId(), actor, "ONLINE_ROUND_OPENED",
        "网络协商开始，邀请" + invitees.size() + "人，链接有效至" + ChinaTime.text(round.expiresAt), null);
    return round;
  }

  /** More invitations to the matter's open round. */
  @Transactional
  public List<InvitationView> invite(String idOrCode, List<Invitee> invitees, String actor) {
    Round round = lockedRound(idOrCode);
    if (round.closed()) throw new ConflictException("网络协商已结束，不能再邀请");
    if (round.expired(clock.instant())) throw new ConflictException("网络协商已过有效期，不能再邀请");
    List<InvitationView> added = new ArrayList<>();
    for (Invitee invitee : invitees) added.add(view(add(round, invitee, actor), false));
    return added;
  }

  /** "张三，群众代表" per line (the kind may be left out: 群众代表). */
  public static List<Invitee> parseInvitees(String text, List<InvalidRequestException.FieldError> errors, String field) {
    List<Invitee> invitees = new ArrayList<>();
    if (text == null) return invitees;
    int line = 0;
    for (String raw : text.split("\\R")) {
      line++;
      if (raw.isBlank()) continue;
      String[] parts = raw.strip().split("\\s*[，,]\\s*", 2);
      ParticipantKind kind = parts.length < 2 ? ParticipantKind.RESIDENTS : kind(parts[1]);
      if (kind == null) {
        errors.add(new InvalidRequestException.FieldError(field, "第" + line + "行的身份「" + parts[1] + "」不是：" + kindLabels()));
        continue;
      }
      invitees.add(new Invitee(parts[0], kind));
    }
    validate(invitees, errors, field);
    return invitees;
  }

  static void validate(List<Invitee> invitees, List<InvalidRequestException.FieldError> errors, String field) {
    if (invitees.size() > MAX_INVITEES) errors.add(new InvalidRequestException.FieldError(field, "一次最多邀请" + MAX_INVITEES + "人"));
    for (Invitee i : invitees) {
      if (i.name() == null || i.name().isBlank() || i.name().strip().length() > 50) {
        errors.add(new InvalidRequestException.FieldError(field, "被邀请人的称呼应为1到50字"));
        return;
      }
      if (i.kind() == null) {
        errors.add(new InvalidRequestException.FieldError(field, "请注明被邀请人的身份：" + kindLabels()));
        return;
      }
    }
  }

  static ParticipantKind kind(String text) {
    for (ParticipantKind k : ParticipantKind.values()) {
      if (k.name().equalsIgnoreCase(text.strip()) || k.label().equals(text.strip())) return k;
    }
    return null;
  }

  private static String kindLabels() {
    return Arrays.stream(ParticipantKind.values()).map(ParticipantKind::label).collect(Collectors.joining("、"));
  }

  private Invitation add(Round round, Invitee invitee, String actor) {
    byte[] bytes = new byte[16];
    RANDOM.nextBytes(bytes);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    return invitations.save(new Invitation(round.getId(), token, invitee.name().strip(), invitee.kind(), clock.instant(), actor));
  }

  /** The links as text for the record-meeting form. */
  @Transactional(readOnly = true)
  public String linksText(long roundId) {
    return invitations.findByRoundIdOrderByIdAsc(roundId).stream()
        .map(i -> i.invitee + "（" + i.participantKind.label() + "）：" + link(i.token)).collect(Collectors.joining("\n"));
  }

  String link(String token) {
    return publicUrl + "/public?round=" + token;
  }

  @Transactional(readOnly = true)
  public RoundView view(String idOrCode) {
    return view(latest(idOrCode));
  }

  /** Closes the matter's latest round into its meeting record. 409 when it is closed already. */
  @Transactional
  public RoundView close(String idOrCode, String actor) {
    Round round = lockedRound(idOrCode);
    if (round.closed()) throw new ConflictException("网络协商已于" + ChinaTime.text(round.closedAt) + "结束");
    closeLocked(round, actor);
    return view(round);
  }

  /** Recording the meeting closes its round if the convenor has not. */
  @Transactional
  public void closeIfOpen(long meetingId, String actor) {
    rounds.findByMeetingId(meetingId).ifPresent(r -> {
      Round round = locks.lock(r.getId());
      if (!round.closed()) closeLocked(round, actor);
    });
  }

  private void closeLocked(Round round, String actor) {
    List<Opinion> given = opinions.findByRoundIdOrderBySubmittedAtAscIdAsc(round.getId());
    Map<Stance, Integer> counts = counts(given);
    round.closedAt = clock.instant();
    round.closedBy = actor;
    round.supportCount = counts.get(Stance.SUPPORT);
    round.opposeCount = counts.get(Stance.OPPOSE);
    round.suggestionCount = counts.get(Stance.SUGGESTION);
    String summary = summary(round, given);
    meetings.findById(round.meetingId).orElseThrow().onlineOpinions(summary);
    demandRecords.event(round.demandId, actor, "ONLINE_ROUND_CLOSED", summary.lines().findFirst().orElse(summary), null);
  }

  private String summary(Round round, List<Opinion> given) {
    int invited = invitations.findByRoundIdOrderByIdAsc(round.getId()).size();
    StringBuilder text = new StringBuilder("网络协商：邀请" + invited + "人，" + given.size() + "人发表意见（支持" + round.supportCount
        + "，反对" + round.opposeCount + "，建议" + round.suggestionCount + "）");
    int n = 0;
    for (Opinion o : given) {
      if (o.text != null) text.append("\n").append(++n).append(". [").append(o.stance.label).append("] ").append(o.text);
    }
    return text.toString();
  }

  // ---- the invited public ----

  @Transactional(readOnly = true)
  public PublicRoundView publicView(String token) {
    Invitation invitation = invitation(token);
    Round round = rounds.findById(invitation.roundId).orElseThrow();
    Demand demand = demandQueries.find(String.valueOf(round.demandId));
    Meeting meeting = meetings.findById(round.meetingId).orElseThrow();
    List<Opinion> given = opinions.findByRoundIdOrderBySubmittedAtAscIdAsc(round.getId());
    Optional<Opinion> own = given.stream().filter(o -> o.invitationId.equals(invitation.getId())).findFirst();
    String[] names = names(demand, invitations.findByRoundIdOrderByIdAsc(round.getId()));
    return new PublicRoundView(Masking.freeText(demand.getTitle(), names), Masking.freeText(demand.getDescription(), names),
        demand.getTownship(), demand.getVillage(), meeting.getMeetingForm().label(), ChinaTime.of(meeting.getScheduledFor()),
        ChinaTime.of(round.expiresAt), status(round), statusLabel(round), own.isPresent(),
        own.map(o -> o.stance.name()).orElse(null), labelled(counts(given)),
        given.stream().filter(o -> o.text != null).map(o -> new PublicSuggestion(o.stance.name(), o.stance.label,
            Masking.freeText(o.text, names), ChinaTime.of(o.submittedAt))).toList());
  }

  @Transactional
  public OpinionReceipt opine(String token, String stanceText, String text) {
    List<InvalidRequestException.FieldError> errors = new ArrayList<>();
    Stance stance = null;
    try {
      stance = stanceText == null ? null : Stance.valueOf(stanceText);
    } catch (IllegalArgumentException e) {
      // reported below
    }
    if (stance == null) errors.add(new InvalidRequestException.FieldError("stance", "请选择支持（SUPPORT）、反对（OPPOSE）或建议（SUGGESTION）"));
    String body = text == null || text.isBlank() ? null : text.strip();
    if (stance == Stance.SUGGESTION && (body == null || body.length() < 5)) {
      errors.add(new InvalidRequestException.FieldError("text", "请写下您的建议（至少5字）"));
    }
    if (body != null && body.length() > 1000) errors.add(new InvalidRequestException.FieldError("text", "意见不能超过1000字"));
    Invitation invitation = invitation(token);
    if (!errors.isEmpty()) throw new InvalidRequestException(errors);
    Round round = locks.lock(invitation.roundId);
    if (round.closed()) throw new ConflictException("本次网络协商已经结束，感谢关注");
    if (round.expired(clock.instant())) throw new GoneException("邀请链接已过期（有效至"
        + ChinaTime.text(round.expiresAt) + "）");
    if (opinions.existsByInvitationId(invitation.getId())) throw new ConflictException("您已经发表过意见，每个邀请链接只能发表一次");
    try {
      Opinion opinion = opinions.saveAndFlush(new Opinion(round.getId(), invitation.getId(), stance, body, clock.instant()));
      return new OpinionReceipt(stance.name(), stance.label, ChinaTime.of(opinion.submittedAt));
    } catch (DataIntegrityViolationException e) {
      throw new ConflictException("您已经发表过意见，每个邀请链接只能发表一次");
    }
  }

  // ---- helpers ----

  private Invitation invitation(String token) {
    if (token == null || !token.matches("[A-Za-z0-9_-]{16,64}")) throw new NotFoundException("invitation");
    return invitations.findByToken(token).orElseThrow(() -> new NotFoundException("invitation"));
  }

  private Round latest(String idOrCode) {
    long demandId = demandQueries.find(idOrCode).getId();
    List<Round> all = rounds.findByDemandIdOrderByOpenedAtDescIdDesc(demandId);
    if (all.isEmpty()) throw new NotFoundException("online round of " + idOrCode);
    return all.get(0);
  }

  private Round lockedRound(String idOrCode) {
    return locks.lock(latest(idOrCode).getId());
  }

  /**
   * The names public text must not show: who raised the matter and every invitee known by a person's name (王大爷),
   * not those invited as a role or an office (3栋住户代表, 交通运输局), which people write in their suggestions.
   */
  private static String[] names(Demand demand, List<Invitation> invited) {
    List<String> names = new ArrayList<>();
    if (demand.getSubmitterName() != null) names.add(demand.getSubmitterName());
    for (Invitation i : invited) if (Masking.isPersonName(i.invitee)) names.add(i.invitee);
    return names.toArray(String[]::new);
  }

  private static Map<Stance, Integer> counts(List<Opinion> given) {
    Map<Stance, Integer> counts = new EnumMap<>(Stance.class);
    for (Stance s : Stance.values()) counts.put(s, 0);
    for (Opinion o : given) counts.merge(o.stance, 1, Integer::sum);
    return counts;
  }

  private static Map<String, Integer> labelled(Map<Stance, Integer> counts) {
    Map<String, Integer> out = new LinkedHashMap<>();
    counts.forEach((k, v) -> out.put(k.name(), v));
    return out;
  }

  private String status(Round round) {
    return round.closed() ? "CLOSED" : round.expired(clock.instant()) ? "EXPIRED" : "OPEN";
  }

  private String statusLabel(Round round) {
    return switch (status(round)) {
      case "CLOSED" -> "已结束";
      case "EXPIRED" -> "已过有效期";
      default -> "正在征求意见";
    };
  }

  private RoundView view(Round round) {
    List<Opinion> given = opinions.findByRoundIdOrderBySubmittedAtAscIdAsc(round.getId());
    List<Invitation> invited = invitations.findByRoundIdOrderByIdAsc(round.getId());
    Map<Long, Invitation> byId = invited.stream().collect(Collectors.toMap(Invitation::getId, i -> i));
    Set<Long> answered = given.stream().map(o -> o.invitationId).collect(Collectors.toSet());
    Meeting meeting = meetings.findById(round.meetingId).orElseThrow();
    return new RoundView(String.valueOf(round.getId()), demandQueries.find(String.valueOf(round.demandId)).getTrackingCode(),
        String.valueOf(round.meetingId), status(round), statusLabel(round), ChinaTime.of(round.openedAt),
        ChinaTime.of(round.expiresAt), round.closedAt == null ? null : ChinaTime.of(round.closedAt),
        round.closedBy, labelled(counts(given)), invited.stream().map(i -> view(i, answered.contains(i.getId()))).toList(),
        given.stream().map(o -> new OpinionView(byId.get(o.invitationId).invitee, o.stance.name(), o.stance.label, o.text,
            ChinaTime.of(o.submittedAt))).toList(), meeting.getOnlineOpinions());
  }

  private InvitationView view(Invitation i, boolean answered) {
    return new InvitationView(String.valueOf(i.getId()), i.invitee, i.participantKind.name(), i.participantKind.label(),
        link(i.token), answered, ChinaTime.of(i.createdAt));
  }
}

/** The round row locked for the transaction: opinions, invitations and closing of one round happen one at a time. */
interface RoundLocks extends Repository<Round, Long> {
  @Lock(LockModeType.PESSIMISTIC_WRITE)
  @Query("SELECT r FROM ConsultationRound r WHERE r.id = :id")
  Round lock(@Param("id") Long id);
}
