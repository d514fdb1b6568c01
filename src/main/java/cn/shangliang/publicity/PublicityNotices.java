package cn.shangliang.publicity;

import cn.shangliang.intake.Demand;
import cn.shangliang.intake.DemandRecords;
import cn.shangliang.intake.DemandRecordsContributor;
import cn.shangliang.intake.DemandStatus;
import cn.shangliang.organisation.Departments;
import cn.shangliang.privacy.Masking;
import cn.shangliang.routing.Route;
import cn.shangliang.rules.RulesService;
import cn.shangliang.system.ChinaTime;
import cn.shangliang.system.KeysetCursor;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.domain.Limit;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Publishes and closes notices (PublicityGlue's {@code ${publishNotice}}, {@code ${closePublicity}}). */
@Service
public class PublicityNotices {
  private final PublicityNoticeRepository notices;
  private final DemandRecords demands;
  private final RulesService rules;
  private final Clock clock;

  PublicityNotices(PublicityNoticeRepository notices, DemandRecords demands, RulesService rules, Clock clock) {
    this.notices = notices;
    this.demands = demands;
    this.rules = rules;
    this.clock = clock;
  }

  @Transactional
  public PublicityNotice publish(long demandId, String route, String leadDepartment, String result, Duration period, int round) {
    Demand demand = demands.demand(demandId);
    String unit = leadDepartment == null ? "政协委员" : rules.current().data(Departments.class).name(leadDepartment).orElse(leadDepartment);
    String routeLabel = route == null ? "" : Route.valueOf(route).label();
    Instant now = clock.instant();
    String person = demand.getSubmitterName();
    PublicityNotice notice = notices.save(new PublicityNotice(demandId, demand.getTrackingCode(),
        Masking.freeText(demand.getTitle(), person), route == null ? "ON_SITE" : route, unit,
        Masking.freeText(result == null ? "已办理" : result, person), now, now.plus(period), round));
    notices.countOneMore();
    demands.event(demandId, "system", "PUBLISHED", (round > 1 ? "二次办理结果" : "办理结果") + "公示至 "
        + ChinaTime.text(notice.getClosesAt()), DemandStatus.PUBLICIZING);
    return notice;
  }

  @Transactional
  public void close(long noticeId) {
    PublicityNotice notice = notices.findById(noticeId).orElseThrow();
    notice.close(clock.instant());
    demands.event(notice.getDemandId(), "system", "PUBLICITY_CLOSED", "公示期满", null);
  }

  /** One page of the board, and whether another follows it; {@code total}: all notices on the board. */
  public record BoardPage(List<PublicityNotice> content, boolean more, long total) {}

  /**
   * The publicity board: every notice, newest first. Below a cursor (the last notice of the page before) the page
   * is read through the index on (published_at, id) however deep it is; by page number it is an offset.
   */
  @Transactional(readOnly = true)
  public BoardPage board(int page, int size, KeysetCursor before) {
    long total = notices.counted();
    if (before == null) {
      List<PublicityNotice> rows = notices.findAllByOrderByPublishedAtDescIdDesc(PageRequest.of(page, size));
      return new BoardPage(rows, ((long) page + 1) * size < total, total);
    }
    List<PublicityNotice> rows = notices.findBefore(before.at(), before.id(), Limit.of(size + 1));
    boolean more = rows.size() > size;
    return new BoardPage(more ? rows.subList(0, size) : rows, more, total);
  }

  @Transactional(readOnly = true)
  public List<PublicityNotice> of(long demandId) {
    return notices.findByDemandIdOrderByPublishedAtAsc(demandId);
  }
}

interface PublicityNoticeRepository extends JpaRepository<PublicityNotice, Long> {
  List<PublicityNotice> findByDemandIdOrderByPublishedAtAsc(Long demandId);

  /** The board's total, kept by {@link #countOneMore()}: count(*) reads every notice (80–160 ms at a million). */
  @Query(value = "select total from sl_counter where counter_name = 'publicity_notice'", nativeQuery = true)
  long counted();

  /** In the transaction that writes a notice: the board's total stays exact across nodes. */
  @Modifying
  @Query(value = "update sl_counter set total = total + 1 where counter_name = 'publicity_notice'", nativeQuery = true)
  int countOneMore();

  /** A page by number: a list, so that Spring Data does not count the board on top of {@link #count()}. */
  List<PublicityNotice> findAllByOrderByPublishedAtDescIdDesc(Pageable page);

  /** Below a cursor: the redundant "<=" gives a range on the index (published_at, id); the "or" breaks ties. */
  @Query("select n from PublicityNotice n where n.publishedAt <= :at and (n.publishedAt < :at or n.id < :id)"
      + " order by n.publishedAt desc, n.id desc")
  List<PublicityNotice> findBefore(@Param("at") Instant at, @Param("id") long id, Limit limit);
}

@Configuration(proxyBeanMethods = false)
class PublicityNoticesView {
  record NoticeView(String id, String title, String route, String handlingUnit, String result,
      OffsetDateTime publishedAt, OffsetDateTime closesAt, OffsetDateTime closedAt) {}

  @Bean
  DemandRecordsContributor noticesContributor(PublicityNotices notices) {
    return DemandRecordsContributor.of("publicityNotices", demandId ->
        notices.of(demandId).stream().map(n -> new NoticeView(String.valueOf(n.getId()), n.getTitle(), n.getRoute(),
            n.getHandlingUnit(), n.getResult(), at(n.getPublishedAt()), at(n.getClosesAt()), at(n.getClosedAt()))).toList());
  }

  static OffsetDateTime at(Instant instant) {
    return ChinaTime.of(instant);
  }
}
