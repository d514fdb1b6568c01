package cn.shangliang.system;

/** 410: what was asked for existed but is no longer available (an expired invitation link). */
public class GoneException extends RuntimeException {
  public GoneException(String message) {
    super(message);
  }
}
