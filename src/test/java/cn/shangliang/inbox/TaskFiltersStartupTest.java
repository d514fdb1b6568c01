package cn.shangliang.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shangliang.organisation.Departments;
import cn.shangliang.rules.RulesService;
import cn.shangliang.support.PlatformTest;
import cn.shangliang.system.StartupLock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Two nodes starting together on one database make the Tasklist filters once: neither fails its start
 * on Camunda's optimistic lock (both updating a filter) or on a duplicate grant, and no filter exists
 * twice (both creating it). Each "node" is a thread with a {@link StartupLock} of its own; on MariaDB
 * (-Pmysql) that is the server's named lock, which is what separates two processes.
 */
@PlatformTest
class TaskFiltersStartupTest {
  static final List<String> NAMES = List.of(TaskFilters.MINE, TaskFilters.GROUP, TaskFilters.DUE_SOON,
      TaskFilters.OVERDUE, TaskFilters.SUPERVISION, TaskFilters.FOLLOW_UP);
  static final int ROUNDS = 6;

  @Autowired ProcessEngine engine;
  @Autowired DataSource dataSource;
  @Autowired RulesService rules;
  private final ExecutorService nodes = Executors.newFixedThreadPool(2);

  @AfterEach
  void stop() {
    nodes.shutdownNow();
    startUp(new StartupLock(dataSource)); // the filters as the application made them
  }

  List<String> departments() {
    return rules.current().data(Departments.class).names().keySet().stream().map(Departments::groupOf).toList();
  }

  void startUp(StartupLock lock) {
    lock.run("task-filters", () -> TaskFilters.ensure(engine.getFilterService(), engine.getTaskService(),
        engine.getAuthorizationService(), departments()));
  }

  /** Both nodes start at once; returns what each start-up threw (null: started). */
  List<Throwable> startTogether() throws Exception {
    CyclicBarrier together = new CyclicBarrier(2);
    List<Future<?>> starts = new ArrayList<>();
    for (int node = 0; node < 2; node++) {
      StartupLock lock = new StartupLock(dataSource);
      starts.add(nodes.submit(() -> {
        together.await(30, TimeUnit.SECONDS);
        startUp(lock);
        return null;
      }));
    }
    List<Throwable> failures = new ArrayList<>();
    for (Future<?> start : starts) {
      try {
        start.get(120, TimeUnit.SECONDS);
      } catch (java.util.concurrent.ExecutionException e) {
        failures.add(e.getCause());
      }
    }
    return failures;
  }

  /** Each filter once, with one grant per group it concerns or one for everyone (besides its owner's). */
  void assertEachFilterOnceWithItsGrants() {
    for (String name : NAMES) {
      List<Filter> found = engine.getFilterService().createFilterQuery().filterName(name).list();
      assertThat(found).as("filters named %s", name).hasSize(1);
      long grants = engine.getAuthorizationService().createAuthorizationQuery().resourceType(Resources.FILTER)
          .resourceId(found.get(0).getId()).list().stream().filter(grant -> !"admin".equals(grant.getUserId())).count();
      int expected = name.equals(TaskFilters.SUPERVISION) ? 3
          : name.equals(TaskFilters.FOLLOW_UP) ? 3 + departments().size() : 1;
      assertThat(grants).as("grants of %s", name).isEqualTo(expected);
    }
  }

  @Test
  void twoNodesStartingOnADatabaseWithoutFiltersCreateEachOnce() throws Exception {
    for (int round = 0; round < ROUNDS; round++) {
      for (String name : NAMES) {
        for (Filter filter : engine.getFilterService().createFilterQuery().filterName(name).list()) {
          engine.getFilterService().deleteFilter(filter.getId());
        }
      }
      assertThat(startTogether()).as("start-up failures, round %d", round).isEmpty();
      assertEachFilterOnceWithItsGrants();
    }
  }

  @Test
  void twoNodesStartingTogetherUpdateTheFiltersWithoutFailing() throws Exception {
    for (int round = 0; round < ROUNDS; round++) {
      assertThat(startTogether()).as("start-up failures, round %d", round).isEmpty();
      assertEachFilterOnceWithItsGrants();
    }
  }
}
