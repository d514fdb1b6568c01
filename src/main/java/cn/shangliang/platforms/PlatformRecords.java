package cn.shangliang.platforms;

import cn.shangliang.system.RecordEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/** The records of a consultation platform: the place itself, its linked members and its "六有" checks. */
final class PlatformRecords {
  private PlatformRecords() {}

  /** The kinds of place (DOMAIN.md §10). */
  enum Kind {
    CONSULTATION_ROOM("协商议事室"),
    MEMBER_STUDIO("委员工作室"),
    OPINION_STATION("社情民意驿站"),
    CONSULTATION_PLATFORM("有事好商量协商平台");

    final String label;

    Kind(String label) {
      this.label = label;
    }
  }

  /** The "六有" standard: each item is checked with evidence and a date. */
  enum Item {
    PLACE("有场所"),
    SIGN("有标识"),
    FACILITIES("有设施"),
    RULES("有制度"),
    FUNDING("有经费"),
    ACTIVITIES("有活动");

    final String label;

    Item(String label) {
      this.label = label;
    }
  }

  @Entity(name = "Platform")
  @Table(name = "platform")
  static class Platform extends RecordEntity {
    String name;
    @Enumerated(EnumType.STRING)
    Kind kind;
    String township;
    String village;
    String address;
    @Column(name = "created_by")
    String createdBy;
    @Column(name = "created_at")
    Instant createdAt;

    protected Platform() {}

    Platform(String name, Kind kind, String township, String village, String address, String createdBy, Instant createdAt) {
      this.name = name;
      this.kind = kind;
      this.township = township;
      this.village = village;
      this.address = address;
      this.createdBy = createdBy;
      this.createdAt = createdAt;
    }
  }

  @Entity(name = "PlatformMember")
  @Table(name = "platform_member")
  static class Member extends RecordEntity {
    @Column(name = "platform_id")
    Long platformId;
    @Column(name = "member_user_id")
    String memberUserId;
    @Column(name = "linked_at")
    Instant linkedAt;

    protected Member() {}

    Member(Long platformId, String memberUserId, Instant linkedAt) {
      this.platformId = platformId;
      this.memberUserId = memberUserId;
      this.linkedAt = linkedAt;
    }
  }

  @Entity(name = "PlatformCheck")
  @Table(name = "platform_check")
  static class Check extends RecordEntity {
    @Column(name = "platform_id")
    Long platformId;
    @Enumerated(EnumType.STRING)
    Item item;
    boolean met;
    String evidence;
    @Column(name = "checked_on")
    LocalDate checkedOn;
    @Column(name = "checked_by")
    String checkedBy;
    @Column(name = "recorded_at")
    Instant recordedAt;

    protected Check() {}

    Check(Long platformId, Item item, boolean met, String evidence, LocalDate checkedOn, String checkedBy, Instant recordedAt) {
      this.platformId = platformId;
      this.item = item;
      this.met = met;
      this.evidence = evidence;
      this.checkedOn = checkedOn;
      this.checkedBy = checkedBy;
      this.recordedAt = recordedAt;
    }
  }
}
