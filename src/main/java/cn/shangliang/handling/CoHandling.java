package cn.shangliang.handling;

import cn.shangliang.forms.Vars;
import cn.shangliang.intake.DemandRecords;
import cn.shangliang.intake.DemandRecordsContributor;
import cn.shangliang.organisation.Departments;
import cn.shangliang.rules.RulesService;
import cn.shangliang.system.ChinaTime;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.jpa.repository.JpaRepository;

/**
 * JOINT matters: each co-handling department gives its opinion before the lead department's deadline
 * (by two-thirds of the lead's allotted time); the lead sees the opinions in its reply form. A reply
 * given earlier ends the wait and with it the opinions still outstanding.
 */
@Configuration(proxyBeanMethods = false)
class CoHandling {
  static final double OPINION_SHARE = 2.0 / 3.0;

  @Bean
  TaskListener recordCoOpinion(CoHandlerOpinionRepository opinions, DemandRecords demands, RulesService rules, Clock clock) {
    return task -> {
      long demandId = ((Number) task.getVariable("demandId")).longValue();
      String group = (String) task.getVariable("coHandlerGroup");
      String department = group.startsWith("dept-") ? group.substring(5) : group;
      String opinion = Vars.text(task, "coOpinion", "协办意见", true, 2000);
      opinions.save(new CoHandlerOpinion(demandId, department, opinion, Vars.actor(task), clock.instant()));
      String unit = rules.current().data(Departments.class).name(department).orElse(department);
      Object earlier = task.getVariable("coOpinions");
      task.getProcessEngineServices().getRuntimeService().setVariable(task.getProcessInstanceId(), "coOpinions",
          (earlier == null ? "" : earlier + "\n") + unit + "：" + opinion);
      demands.event(demandId, Vars.actor(task), "CO_OPINION", unit + "提出协办意见：" + opinion, null);
    };
  }

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
