package cn.shangliang.sla;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Prometheus figures of the clocks: open reply tasks, due soon and open breaches per department (and
 * level), refreshed every 30 s from the database so every node reports the same; and the timer lag
 * (fire time − due time) of reminders, breaches and escalations, measured when each fires.
 */
@Component
@EnableScheduling
public class SlaMetrics {
  private final JdbcTemplate jdbc;
  private final SlaSummaries summaries;
  private final MeterRegistry registry;
  private final MultiGauge openTasks;
  private final MultiGauge dueSoon;
  private final MultiGauge openBreaches;

  SlaMetrics(JdbcTemplate jdbc, SlaSummaries summaries, MeterRegistry registry) {
    this.jdbc = jdbc;
    this.summaries = summaries;
    this.registry = registry;
    this.openTasks = MultiGauge.builder("shangliang.reply.tasks.open").description("Department reply tasks open").register(registry);
    this.dueSoon = MultiGauge.builder("shangliang.reply.tasks.due.soon").description("Reply tasks due by the end of the next working day")
        .register(registry);
    this.openBreaches = MultiGauge.builder("shangliang.sla.breaches.open").description("Open SLA breaches").register(registry);
  }

  /** How late a timer fired: {@code kind} is reminder, breach or escalation. */
  public void timerFired(String kind, Instant due, Instant firedAt) {
    DistributionSummary.builder("shangliang.timer.lag.seconds").description("Timer fire time minus due time")
        .tag("kind", kind).publishPercentiles(0.5, 0.99).register(registry)
        .record(Math.max(0, Duration.between(due, firedAt).toMillis()) / 1000.0);
  }

  @Scheduled(fixedDelayString = "${shangliang.metrics.refresh-millis:30000}",
      initialDelayString = "${shangliang.metrics.initial-delay-millis:5000}")
  public void refresh() {
    List<MultiGauge.Row<?>> tasks = new ArrayList<>();
    List<MultiGauge.Row<?>> soon = new ArrayList<>();
    for (SlaSummaries.DepartmentSummary s : summaries.openNow()) {
      tasks.add(MultiGauge.Row.of(Tags.of("department", s.department()), s.openTasks()));
      soon.add(MultiGauge.Row.of(Tags.of("department", s.department()), s.dueSoon()));
    }
    openTasks.register(tasks, true);
    dueSoon.register(soon, true);
    List<MultiGauge.Row<?>> breaches = new ArrayList<>();
    jdbc.query("select department, level, count(*) from sla_breach where closed_at is null group by department, level",
        rs -> {
          breaches.add(MultiGauge.Row.of(Tags.of("department", rs.getString(1), "level", String.valueOf(rs.getInt(2))), rs.getLong(3)));
        });
    openBreaches.register(breaches, true);
  }
}
