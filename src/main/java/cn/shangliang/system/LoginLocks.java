package cn.shangliang.system;

import java.time.Duration;
import java.util.Date;
import java.util.Optional;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.context.annotation.Lazy;
import org.springframework.security.authentication.LockedException;
import org.springframework.stereotype.Component;

/**
 * Camunda's brute-force protection, told to the person at the door: after a wrong password the engine locks the
 * account for {@code loginDelayBase × loginDelayFactor^(attempts-1)} seconds (at most {@code loginDelayMaxTime}),
 * and for good after {@code loginMaxAttempts} — refusing even the right password meanwhile, which without a word
 * reads as "wrong password" again. Read from the user's row, so it holds for every node on the database.
 */
@Component
public class LoginLocks {
  private final ProcessEngineConfigurationImpl engine;

  LoginLocks(@Lazy ProcessEngineConfigurationImpl engine) {
    this.engine = engine;
  }

  /** A lock on an account: for good (an administrator unlocks it in Admin) or for some more seconds. */
  public record Lock(boolean permanent, Duration left) {
    public String message() {
      return permanent ? "密码错误次数过多，账号已被锁定，请联系管理员解锁"
          : "密码错误，账号已暂时锁定，请 " + left.toSeconds() + " 秒后再试（锁定期间即使密码正确也无法登录）";
    }
  }

  /** Spring Security's refusal of a locked account, with the lock (the answer says how long it lasts). */
  public static class Locked extends LockedException {
    private final transient Lock lock;

    Locked(Lock lock) {
      super(lock.message());
      this.lock = lock;
    }

    public Lock lock() {
      return lock;
    }
  }

  /** The lock on this account now, if any; none for an account that does not exist. */
  public Optional<Lock> of(String userId) {
    if (userId == null || userId.isBlank()) return Optional.empty();
    User user = engine.getCommandExecutorTxRequired().execute(context ->
        context.runWithoutAuthorization(() -> context.getReadOnlyIdentityProvider().findUserById(userId)));
    if (!(user instanceof UserEntity entity)) return Optional.empty();
    if (entity.getAttempts() >= engine.getLoginMaxAttempts()) return Optional.of(new Lock(true, Duration.ZERO));
    Date until = entity.getLockExpirationTime();
    Date now = ClockUtil.getCurrentTime();
    if (until == null || !until.after(now)) return Optional.empty();
    long millis = until.getTime() - now.getTime();
    return Optional.of(new Lock(false, Duration.ofSeconds((millis + 999) / 1000))); // whole seconds, rounded up
  }
}
