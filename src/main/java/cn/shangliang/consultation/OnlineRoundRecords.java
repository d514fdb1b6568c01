package cn.shangliang.consultation;

import cn.shangliang.system.RecordEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

/** 网络协商: a meeting's online round, its invitation links and the opinions given through them. */
final class OnlineRoundRecords {
  private OnlineRoundRecords() {}

  /** What an invited person says: 支持 / 反对 / 建议 (with text). */
  enum Stance {
    SUPPORT("支持"),
    OPPOSE("反对"),
    SUGGESTION("建议");

    final String label;

    Stance(String label) {
      this.label = label;
    }
  }

  @Entity(name = "ConsultationRound")
  @Table(name = "consultation_round")
  static class Round extends RecordEntity {
    @Column(name = "meeting_id")
    Long meetingId;
    @Column(name = "demand_id")
    Long demandId;
    @Column(name = "opened_by")
    String openedBy;
    @Column(name = "opened_at")
    Instant openedAt;
    @Column(name = "expires_at")
    Instant expiresAt;
    @Column(name = "closed_by")
    String closedBy;
    @Column(name = "closed_at")
    Instant closedAt;
    @Column(name = "support_count")
    Integer supportCount;
    @Column(name = "oppose_count")
    Integer opposeCount;
    @Column(name = "suggestion_count")
    Integer suggestionCount;

    protected Round() {}

    Round(long meetingId, long demandId, Instant expiresAt, Instant at, String by) {
      this.meetingId = meetingId;
      this.demandId = demandId;
      this.expiresAt = expiresAt;
      this.openedAt = at;
      this.openedBy = by;
    }

    boolean closed() {
      return closedAt != null;
    }

    boolean expired(Instant now) {
      return !now.isBefore(expiresAt);
    }
  }

  @Entity(name = "RoundInvitation")
  @Table(name = "round_invitation")
  static class Invitation extends RecordEntity {
    @Column(name = "round_id")
    Long roundId;
    String token;
    String invitee;
    @Enumerated(EnumType.STRING)
    @Column(name = "participant_kind")
    ParticipantKind participantKind;
    @Column(name = "created_by")
    String createdBy;
    @Column(name = "created_at")
    Instant createdAt;

    protected Invitation() {}

    Invitation(long roundId, String token, String invitee, ParticipantKind kind, Instant at, String by) {
      this.roundId = roundId;
      this.token = token;
      this.invitee = invitee;
      this.participantKind = kind;
      this.createdAt = at;
      this.createdBy = by;
    }
  }

  @Entity(name = "RoundOpinion")
  @Table(name = "round_opinion")
  static class Opinion extends RecordEntity {
    @Column(name = "round_id")
    Long roundId;
    @Column(name = "invitation_id")
    Long invitationId;
    @Enumerated(EnumType.STRING)
    Stance stance;
    @Column(name = "opinion_text")
    String text;
    @Column(name = "submitted_at")
    Instant submittedAt;

    protected Opinion() {}

    Opinion(long roundId, long invitationId, Stance stance, String text, Instant at) {
      this.roundId = roundId;
      this.invitationId = invitationId;
      this.stance = stance;
      this.text = text;
      this.submittedAt = at;
    }
  }
}

interface RoundRepository extends JpaRepository<OnlineRoundRecords.Round, Long> {
  Optional<OnlineRoundRecords.Round> findByMeetingId(Long meetingId);

  List<OnlineRoundRecords.Round> findByDemandIdOrderByOpenedAtDescIdDesc(Long demandId);
}

interface RoundInvitationRepository extends JpaRepository<OnlineRoundRecords.Invitation, Long> {
  Optional<OnlineRoundRecords.Invitation> findByToken(String token);

  List<OnlineRoundRecords.Invitation> findByRoundIdOrderByIdAsc(Long roundId);
}

interface RoundOpinionRepository extends JpaRepository<OnlineRoundRecords.Opinion, Long> {
  List<OnlineRoundRecords.Opinion> findByRoundIdOrderBySubmittedAtAscIdAsc(Long roundId);

  boolean existsByInvitationId(Long invitationId);
}
