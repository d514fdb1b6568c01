package cn.shangliang.bench;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shangliang.calendar.WorkingCalendar;
import cn.shangliang.routing.Category;
import cn.shangliang.routing.PlainJavaRouting;
import cn.shangliang.routing.RouteResult;
import cn.shangliang.routing.RoutingFacts;
import cn.shangliang.routing.RoutingPolicy;
import cn.shangliang.routing.RoutingRules;
import cn.shangliang.routing.Scope;
import cn.shangliang.routing.Urgency;
import cn.shangliang.rules.RuleBase;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Routing evaluations per second and latency, Drools against the same table in plain Java, on the
 * same generated inputs (which both must route identically). Run: {@code mvn verify -Pbench}.
 */
@Tag("bench")
class RoutingBenchmark {
  static final int INPUTS = Integer.getInteger("bench.routing.inputs", 20_000);
  static final int ROUNDS = Integer.getInteger("bench.routing.rounds", 5);
  static final OffsetDateTime AT = OffsetDateTime.parse("2026-11-23T10:00:00+08:00");

  static List<RoutingFacts> inputs(int count, long seed) {
    Random random = new Random(seed);
    List<RoutingFacts> facts = new ArrayList<>(count);
    String[] co = {"water", "housing", "township"};
    for (int i = 0; i < count; i++) {
      facts.add(new RoutingFacts(
          Category.values()[random.nextInt(Category.values().length)],
          Scope.values()[random.nextInt(Scope.values().length)],
          random.nextInt(20) == 0 ? Urgency.EMERGENCY : random.nextInt(5) == 0 ? Urgency.URGENT : Urgency.NORMAL,
          random.nextInt(4) == 0, random.nextInt(10) == 0,
          random.nextInt(3) == 0 ? null : BigDecimal.valueOf(random.nextInt(2_000_000)),
          1 + random.nextInt(4), random.nextBoolean() ? List.of() : List.of(co[random.nextInt(co.length)]),
          random.nextInt(2000), random.nextInt(5)));
    }
    return facts;
  }

  @Test
  void droolsAgainstPlainJava() throws Exception {
    RuleBase rules = RoutingRules.load(Path.of("rules"));
    PlainJavaRouting plain = new PlainJavaRouting(rules.data(RoutingPolicy.class), rules.data(WorkingCalendar.class));
    List<RoutingFacts> facts = inputs(INPUTS, 42);
    for (RoutingFacts f : facts) {
      RouteResult drools = RoutingRules.route(rules, f, AT);
      RouteResult java = plain.route(f, AT);
      assertThat(java.route()).as(f.toString()).isEqualTo(drools.route());
      assertThat(java.deadline()).as(f.toString()).isEqualTo(drools.deadline());
      assertThat(java.coDepartments()).as(f.toString()).isEqualTo(drools.coDepartments());
      assertThat(java.reasons().stream().map(RouteResult.Reason::rule).toList())
          .isEqualTo(drools.reasons().stream().map(RouteResult.Reason::rule).toList());
    }
    double droolsRate = measure("drools", facts, f -> RoutingRules.route(rules, f, AT));
    double javaRate = measure("plain-java", facts, f -> plain.route(f, AT));
    Figures.report(String.format("routing ratio drools/plain-java = %.3f (%d inputs, %d rounds, 1 thread)",
        droolsRate / javaRate, INPUTS, ROUNDS));
    parallel(rules, facts, 2);
  }

  static double measure(String name, List<RoutingFacts> facts, Function<RoutingFacts, RouteResult> route) {
    for (int warm = 0; warm < 2; warm++) facts.forEach(route::apply);
    long[] nanos = new long[facts.size() * ROUNDS];
    long start = System.nanoTime();
    int n = 0;
    for (int round = 0; round < ROUNDS; round++) {
      for (RoutingFacts f : facts) {
        long t0 = System.nanoTime();
        route.apply(f);
        nanos[n++] = System.nanoTime() - t0;
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    double rate = n / seconds;
    Figures.report(String.format("routing %-10s %,10.0f evaluations/s  p50 %.4f ms  p99 %.4f ms", name, rate,
        Figures.percentileMillis(nanos, 50), Figures.percentileMillis(nanos, 99)));
    return rate;
  }

  static void parallel(RuleBase rules, List<RoutingFacts> facts, int threads) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    long start = System.nanoTime();
    List<Future<?>> done = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      done.add(pool.submit(() -> {
        for (int round = 0; round < ROUNDS; round++) facts.forEach(f -> RoutingRules.route(rules, f, AT));
      }));
    }
    for (Future<?> f : done) f.get();
    pool.shutdown();
    double rate = (double) threads * ROUNDS * facts.size() / ((System.nanoTime() - start) / 1e9);
    Figures.report(String.format("routing drools     %,10.0f evaluations/s with %d threads", rate, threads));
  }
}
