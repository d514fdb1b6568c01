package cn.shangliang.scorecard;

import org.springframework.stereotype.Component;

/**
 * Wakes the score worker when a transaction that marked matters has committed. Depends on nothing, so that the
 * Hibernate listener (built with the database) can reach the worker (built from the database).
 */
@Component
class ScoreChanges {
  private boolean changed;

  synchronized void changed() {
    changed = true;
    notifyAll();
  }

  /** Waits until something changed or the time is up; forgets the change, since the worker is about to look. */
  synchronized void await(long millis) throws InterruptedException {
    if (!changed) wait(millis);
    changed = false;
  }
}
