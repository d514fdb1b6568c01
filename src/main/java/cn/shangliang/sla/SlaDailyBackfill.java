package cn.shangliang.sla;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.data.domain.Limit;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fills {@code sla_daily} once from the clocks and breaches already there (an installation upgraded to V18), at the
 * first start: every (day, department) that has any is recounted as a change would recount it, under the row's lock,
 * so a timer firing meanwhile cannot leave a row wrong. Done in Java because the day in China of a stored time
 * depends on how the application wrote it (the JVM's zone); SQL could not tell.
 */
@Component
class SlaDailyBackfill implements ApplicationRunner {
  private static final Logger log = LoggerFactory.getLogger(SlaDailyBackfill.class);
  private static final int READ = 10_000;
  private static final int ROWS_PER_TRANSACTION = 500;

  private final SlaDaily daily;
  private final ReplyClockRepository clocks;
  private final SlaBreachRepository breaches;
  private final JdbcTemplate jdbc;
  private final TransactionTemplate transactions;
  private final Clock clock;

  SlaDailyBackfill(SlaDaily daily, ReplyClockRepository clocks, SlaBreachRepository breaches, JdbcTemplate jdbc,
      TransactionTemplate transactions, Clock clock) {
    this.daily = daily;
    this.clocks = clocks;
    this.breaches = breaches;
    this.jdbc = jdbc;
    this.transactions = transactions;
    this.clock = clock;
  }

  @Override
  public void run(ApplicationArguments args) {
    List<Timestamp> done = jdbc.queryForList("SELECT done_at FROM sla_daily_backfill WHERE id = 1", Timestamp.class);
    if (!done.isEmpty() && done.get(0) == null) fill();
  }

  /** Recounts every row that has clocks or breaches, then records that it is done. */
  void fill() {
    TreeSet<Map.Entry<LocalDate, String>> rows = new TreeSet<>(Map.Entry.<LocalDate, String>comparingByKey()
        .thenComparing(Map.Entry.comparingByValue()));
    collect(rows, clocks::dueDatesAfter);
    collect(rows, breaches::breachDatesAfter);
    List<Map.Entry<LocalDate, String>> all = new ArrayList<>(rows);
    for (int i = 0; i < all.size(); i += ROWS_PER_TRANSACTION) {
      List<Map.Entry<LocalDate, String>> chunk = all.subList(i, Math.min(all.size(), i + ROWS_PER_TRANSACTION));
      transactions.executeWithoutResult(status -> chunk.forEach(row -> daily.recountDay(row.getKey(), row.getValue())));
    }
    jdbc.update("UPDATE sla_daily_backfill SET done_at = ? WHERE id = 1", Timestamp.from(clock.instant()));
    log.info("sla_daily filled: {} rows of days and departments recounted", all.size());
  }

  /** The (day, department) of every record, read in blocks by id: {id, department, moment}. */
  private static void collect(TreeSet<Map.Entry<LocalDate, String>> rows, BiFunction<Long, Limit, List<Object[]>> read) {
    long after = 0;
    List<Object[]> block;
    do {
      block = read.apply(after, Limit.of(READ));
      for (Object[] r : block) {
        rows.add(Map.entry(SlaDaily.day((Instant) r[2]), (String) r[1]));
        after = ((Number) r[0]).longValue();
      }
    } while (block.size() == READ);
  }
}
