package cn.shangliang.system;

import java.sql.SQLException;
import java.sql.SQLTransactionRollbackException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.PessimisticLockingFailureException;

/**
 * Whether a failure is a lost race rather than a fault: another transaction changed or locked the same
 * rows first (optimistic locking, a deadlock victim, a lock wait timeout). The transaction wrote nothing;
 * the request may be sent again. Answered 409 with Retry-After, never 500.
 */
public final class ConcurrentChange {
  private static final int MYSQL_LOCK_WAIT_TIMEOUT = 1205;
  private static final int MYSQL_DEADLOCK = 1213;

  private ConcurrentChange() {}

  public static boolean is(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
      if (cause instanceof OptimisticLockingException || cause instanceof OptimisticLockingFailureException
          || cause instanceof PessimisticLockingFailureException || cause instanceof SQLTransactionRollbackException) {
        return true;
      }
      if (cause instanceof SQLException sql) {
        for (SQLException next = sql; next != null; next = next.getNextException()) {
          String state = next.getSQLState();
          if (state != null && (state.startsWith("40") || state.equals("HYT00"))) return true; // deadlock, serialization, H2 lock timeout
          if (next.getErrorCode() == MYSQL_LOCK_WAIT_TIMEOUT || next.getErrorCode() == MYSQL_DEADLOCK) return true;
          if (next.getNextException() == next) break;
        }
      }
    }
    return false;
  }
}
