package cn.shangliang.system;

/** A public client wrote too often: 429 with Retry-After. */
public class TooManyRequestsException extends RuntimeException {
  private final long retryAfterSeconds;

  public TooManyRequestsException(long retryAfterSeconds) {
    super("操作过于频繁，请" + retryAfterSeconds + "秒后再试");
    this.retryAfterSeconds = retryAfterSeconds;
  }

  public long retryAfterSeconds() {
    return retryAfterSeconds;
  }
}
