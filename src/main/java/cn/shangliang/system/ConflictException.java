package cn.shangliang.system;

/** The request is valid but the record's state does not allow it now: 409. */
public class ConflictException extends RuntimeException {
  public ConflictException(String message) {
    super(message);
  }
}
