package cn.shangliang.sla;

import cn.shangliang.system.StartupLock;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Copies the reply tasks that were open before {@link OpenReplyTaskTable} kept its table (an installation upgraded to
 * V21) from the engine's tables, once, at the first start, under the start-up lock; tasks a listener wrote meanwhile
 * are left as they are. Upgrade with the nodes stopped (OPERATIONS.md): a reply completed on an old node during the
 * copy would leave its row behind.
 */
@Component
class OpenReplyTaskBackfill implements ApplicationRunner {
  private static final Logger log = LoggerFactory.getLogger(OpenReplyTaskBackfill.class);

  private final JdbcTemplate jdbc;
  private final TransactionTemplate transactions;
  private final StartupLock startupLock;
  private final Clock clock;

  OpenReplyTaskBackfill(JdbcTemplate jdbc, TransactionTemplate transactions, StartupLock startupLock, Clock clock) {
    this.jdbc = jdbc;
    this.transactions = transactions;
    this.startupLock = startupLock;
    this.clock = clock;
  }

  @Override
  public void run(ApplicationArguments args) {
    startupLock.run("open-reply-task-backfill", () -> {
      List<Timestamp> done = jdbc.queryForList("SELECT done_at FROM open_reply_task_backfill WHERE id = 1", Timestamp.class);
      if (!done.isEmpty() && done.get(0) == null) transactions.executeWithoutResult(status -> fill());
    });
  }

  /** The open reply tasks and their candidate groups not in the tables yet; then records that it is done. */
  void fill() {
    int tasks = jdbc.update("INSERT INTO open_reply_task (task_id, lead_department, due_at) SELECT e.task_id, e.department, e.due"
        + " FROM (" + OpenReplyTasks.FROM_ENGINE + ") e WHERE NOT EXISTS (SELECT 1 FROM open_reply_task o WHERE o.task_id = e.task_id)",
        SlaSummaries.REPLY_TASK);
    int groups = jdbc.update("INSERT INTO open_reply_task_group (task_id, group_id, due_at) SELECT DISTINCT t.ID_, i.GROUP_ID_, t.DUE_DATE_"
        + " FROM ACT_RU_TASK t JOIN ACT_RU_IDENTITYLINK i ON i.TASK_ID_ = t.ID_ WHERE t.TASK_DEF_KEY_ = ? AND i.TYPE_ = 'candidate'"
        + " AND i.GROUP_ID_ IS NOT NULL AND NOT EXISTS (SELECT 1 FROM open_reply_task_group g WHERE g.task_id = t.ID_"
        + " AND g.group_id = i.GROUP_ID_)", SlaSummaries.REPLY_TASK);
    jdbc.update("UPDATE open_reply_task_backfill SET done_at = ? WHERE id = 1", Timestamp.from(clock.instant()));
    log.info("open_reply_task filled: {} open reply tasks, {} candidate groups", tasks, groups);
  }
}
