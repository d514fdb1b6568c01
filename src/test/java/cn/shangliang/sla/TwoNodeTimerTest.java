package cn.shangliang.sla;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shangliang.ShangliangApplication;
import cn.shangliang.support.Demands;
import cn.shangliang.support.Http;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two application nodes, each with its job executor, on one MySQL/MariaDB database (Camunda's
 * homogeneous cluster): 20 emergencies' reminders and breaches fall due together and every timer fires
 * exactly once. Runs with {@code -Pmysql}.
 */
@Tag("mysql")
class TwoNodeTimerTest {
  static final int DEMANDS = 20;
  private final List<ConfigurableApplicationContext> nodes = new ArrayList<>();

  @AfterEach
  void stop() {
    ClockUtil.reset();
    nodes.forEach(ConfigurableApplicationContext::close);
  }

  ConfigurableApplicationContext node(String id) {
    ConfigurableApplicationContext node = new SpringApplicationBuilder(ShangliangApplication.class)
        .run("--server.port=0", "--shangliang.node-id=" + id, "--camunda.bpm.job-execution.enabled=true",
            "--camunda.bpm.generic-properties.properties.hostname=" + id,
            "--camunda.bpm.job-execution.wait-time-in-millis=500", "--camunda.bpm.job-execution.max-wait=2000");
    nodes.add(node);
    return node;
  }

  @Test
  void everyTimerFiresOnce_withTwoNodesOnOneDatabase() throws Exception {
    ConfigurableApplicationContext first = node("node-a");
    ConfigurableApplicationContext second = node("node-b");
    int port = ((WebServerApplicationContext) first).getWebServer().getPort();
    String village = "双节点村" + UUID.randomUUID().toString().substring(0, 6);
    List<String> codes = new ArrayList<>();
    for (int i = 0; i < DEMANDS; i++) {
      Http.Response created = new Http(port).as("clerk").post("/api/demands", Demands.with(Demands.with(Demands.with(Demands.body(),
          "urgency", "EMERGENCY"), "category", "WATER"), "village", village));
      assertThat(created.status()).as(created.body()).isEqualTo(201);
      codes.add(created.json().get("trackingCode").asText());
    }
    // the 24-hour clocks pass their 75 % reminder and their deadline: both nodes compete for the timers
    ClockUtil.setCurrentTime(Date.from(Instant.now().plus(Duration.ofHours(25))));
    JdbcTemplate jdbc = first.getBean(JdbcTemplate.class);
    String inCodes = "'" + String.join("','", codes) + "'";
    Instant giveUp = Instant.now().plus(Duration.ofSeconds(90));
    while (count(jdbc, "select count(*) from sla_breach where tracking_code in (" + inCodes + ")") < DEMANDS) {
      assertThat(Instant.now()).as("the breaches did not all fire within 90 s").isBefore(giveUp);
      Thread.sleep(500);
    }
    Thread.sleep(3000); // a second firing, if there were one, would come now
    assertThat(count(jdbc, "select count(*) from sla_breach where tracking_code in (" + inCodes + ")")).isEqualTo(DEMANDS);
    assertThat(count(jdbc, "select count(distinct clock_id) from sla_breach where tracking_code in (" + inCodes + ")")).isEqualTo(DEMANDS);
    assertThat(count(jdbc, "select count(*) from demand_event e join demand d on d.id = e.demand_id where d.tracking_code in ("
        + inCodes + ") and e.kind = 'REMINDED'")).isEqualTo(DEMANDS);
    assertThat(count(jdbc, "select count(*) from demand_event e join demand d on d.id = e.demand_id where d.tracking_code in ("
        + inCodes + ") and e.kind = 'BREACHED'")).isEqualTo(DEMANDS);
    assertThat(count(jdbc, "select count(*) from reply_clock where tracking_code in (" + inCodes + ") and reminded_at is null")).isZero();
    // Camunda's job log (state 2 = successful): every timer job of these matters succeeded exactly once
    String timerJobs = "select j.JOB_ID_, j.HOSTNAME_ from ACT_HI_JOB_LOG j where j.JOB_STATE_ = 2 and j.JOB_DEF_TYPE_ = 'timer-intermediate-transition'"
        + " and j.PROCESS_INSTANCE_ID_ in (select p.PROC_INST_ID_ from ACT_HI_PROCINST p where p.BUSINESS_KEY_ in (" + inCodes + "))";
    List<java.util.Map<String, Object>> executions = jdbc.queryForList(timerJobs);
    assertThat(executions).hasSize(2 * DEMANDS);
    assertThat(executions.stream().map(r -> r.get("JOB_ID_")).distinct().count()).as("no timer job succeeded twice").isEqualTo(2L * DEMANDS);
    assertThat(executions.stream().map(r -> r.get("HOSTNAME_")).distinct().toList()).isSubsetOf("node-a", "node-b");
    for (ConfigurableApplicationContext node : nodes) {
      assertThat(node.getBean(org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl.class).getJobExecutor().isActive())
          .as("both nodes' job executors compete for the timers").isTrue();
    }
    System.out.println("BENCH two nodes: timer executions by node " + executions.stream()
        .collect(java.util.stream.Collectors.groupingBy(r -> r.get("HOSTNAME_"), java.util.stream.Collectors.counting())));
    // supervision tasks: one per breach
    var taskService = second.getBean(org.camunda.bpm.engine.TaskService.class);
    long supervision = codes.stream().mapToLong(code -> taskService.createTaskQuery().processInstanceBusinessKey(code)
        .taskDefinitionKey("UserTask_Supervise").count()).sum();
    assertThat(supervision).isEqualTo(DEMANDS);
  }

  static long count(JdbcTemplate jdbc, String sql) {
    Long count = jdbc.queryForObject(sql, Long.class);
    return count == null ? 0 : count;
  }
}
