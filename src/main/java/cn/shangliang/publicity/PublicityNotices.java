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
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
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

  /** The publicity board: every notice, newest first. */
  @Transactional(readOnly = true)
  public Page<PublicityNotice> board(int page, int size) {
    return notices.findAllByOrderByPublishedAtDescIdDesc(PageRequest.of(page, size));
  }

  @Transactional(readOnly = true)
  public List<PublicityNotice> of(long demandId) {
    return notices.findByDemandIdOrderByPublishedAtAsc(demandId);
  }
}

interface PublicityNoticeRepository extends JpaRepository<PublicityNotice, Long> {
  List<PublicityNotice> findByDemandIdOrderByPublishedAtAsc(Long demandId);

  Page<PublicityNotice> findAllByOrderByPublishedAtDescIdDesc(
      Pageable page);
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
