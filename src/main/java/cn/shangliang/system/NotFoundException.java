package cn.shangliang.system;

/** An id or code that names nothing: 404. */
public class NotFoundException extends RuntimeException {
  public NotFoundException(String what) {
    super(what + " not found");
  }
}
