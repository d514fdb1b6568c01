package cn.shangliang.handling;

import cn.shangliang.intake.DemandRecordsContributor;
import cn.shangliang.system.ChinaTime;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.jpa.repository.JpaRepository;

/**
 * JOINT matters: each co-handling department gives its opinion before the lead department's deadline
 * (by two-thirds of the lead's allotted time); the lead sees the opinions in its reply form. A reply
 * given earlier ends the wait and with it the opinions still outstanding. The opinion task's listener is
 * {@code ${recordCoOpinion}} in {@link DepartmentReplyGlue}.
 */
@Configuration(proxyBeanMethods = false)
class CoHandling {
  static final double OPINION_SHARE = 2.0 / 3.0;

  record OpinionView(String department, String opinion, String givenBy, OffsetDateTime givenAt) {}

  @Bean
  DemandRecordsContributor coOpinionsContributor(CoHandlerOpinionRepository opinions) {
    return DemandRecordsContributor.of("coHandlerOpinions", demandId -> opinions.findByDemandIdOrderByGivenAtAsc(demandId).stream()
        .map(o -> new OpinionView(o.getDepartment(), o.getOpinion(), o.getGivenBy(),
            ChinaTime.of(o.getGivenAt()))).toList());
  }
}

interface CoHandlerOpinionRepository extends JpaRepository<CoHandlerOpinion, Long> {
  List<CoHandlerOpinion> findByDemandIdOrderByGivenAtAsc(Long demandId);
}
