package cn.shangliang.system;

/** The request may not do this, for a reason the message says in Chinese: 403 problem JSON, nothing written. */
public class ForbiddenException extends RuntimeException {
  public ForbiddenException(String message) {
    super(message);
  }
}
