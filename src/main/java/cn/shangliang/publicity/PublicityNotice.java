package cn.shangliang.publicity;

import cn.shangliang.system.RecordEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;

/** 公示: what was raised, the route, the handling unit and the result — never personal data. */
@Entity
@Table(name = "publicity_notice")
public class PublicityNotice extends RecordEntity {
  @Column(name = "demand_id")
  private Long demandId;
  @Column(name = "tracking_code")
  private String trackingCode;
  private String title;
  private String route;
  @Column(name = "handling_unit")
  private String handlingUnit;
  private String result;
  @Column(name = "published_at")
  private Instant publishedAt;
  @Column(name = "closes_at")
  private Instant closesAt;
  @Column(name = "closed_at")
  private Instant closedAt;
  @Column(name = "withdrawn_at")
  private Instant withdrawnAt;
  @Column(name = "handling_round")
  private int round = 1;

  protected PublicityNotice() {}

  PublicityNotice(Long demandId, String trackingCode, String title, String route, String handlingUnit, String result,
      Instant publishedAt, Instant closesAt, int round) {
    this.demandId = demandId;
    this.trackingCode = trackingCode;
    this.title = title;
    this.route = route;
    this.handlingUnit = handlingUnit;
    this.result = result;
    this.publishedAt = publishedAt;
    this.closesAt = closesAt;
    this.round = round;
  }

  void close(Instant at) {
    this.closedAt = at;
  }

  /** An upheld objection takes the notice off the board: the matter is handled again. */
  void withdraw(Instant at) {
    this.withdrawnAt = at;
    this.closedAt = at;
  }

  /** On the board and open to objections. */
  public boolean isOpen() {
    return closedAt == null && withdrawnAt == null;
  }

  public Long getDemandId() { return demandId; }
  public String getTrackingCode() { return trackingCode; }
  public String getTitle() { return title; }
  public String getRoute() { return route; }
  public String getHandlingUnit() { return handlingUnit; }
  public String getResult() { return result; }
  public Instant getPublishedAt() { return publishedAt; }
  public Instant getClosesAt() { return closesAt; }
  public Instant getClosedAt() { return closedAt; }
  public Instant getWithdrawnAt() { return withdrawnAt; }
  public int getRound() { return round; }
}
