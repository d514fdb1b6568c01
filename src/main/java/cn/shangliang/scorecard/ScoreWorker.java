package cn.shangliang.scorecard;

import cn.shangliang.rules.RulesReloaded;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the stored scores caught up in the background: after each transaction that marked matters, every few seconds
 * for marks left by other nodes or before a crash (they are rows, committed with the change), and after the scorecard's
 * rules changed (every score is recomputed; meanwhile a read recomputes its period's outdated scores itself).
 */
@Component
class ScoreWorker implements SmartLifecycle {
  private static final Logger log = LoggerFactory.getLogger(ScoreWorker.class);
  private static final long IDLE_MILLIS = 5_000;
  private final MatterScores scores;
  private final ScoreChanges changes;
  private volatile Thread thread;
  /**
   * Set at start-up and when this node's rules change: only then are all scores of other versions recomputed, so
   * nodes (or test contexts) briefly on different rules do not recompute each other's scores back and forth; a
   * read recomputes its own period's outdated scores in any case.
   */
  private volatile boolean rulesChanged = true;

  ScoreWorker(MatterScores scores, ScoreChanges changes) {
    this.scores = scores;
    this.changes = changes;
  }

  @EventListener
  void rulesChanged(RulesReloaded reloaded) {
    rulesChanged = true;
    changes.changed();
  }

  @Override
  public void start() {
    Thread worker = new Thread(this::work, "matter-scores");
    worker.setDaemon(true);
    thread = worker;
    worker.start();
  }

  private void work() {
    while (thread == Thread.currentThread()) {
      try {
        boolean drained = scores.drainChanges();
        if (drained && rulesChanged) {
          rulesChanged = false; // a reload during the batch sets it again
          boolean done = false;
          try {
            done = scores.recomputeOutdated();
          } finally {
            if (!done) rulesChanged = true;
          }
        }
      } catch (RuntimeException e) {
        log.warn("Recomputing stored scores failed; trying again shortly", e);
      }
      try {
        changes.await(IDLE_MILLIS);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  @Override
  public void stop() {
    Thread worker = thread;
    thread = null;
    if (worker != null) worker.interrupt();
  }

  @Override
  public boolean isRunning() {
    return thread != null;
  }
}
