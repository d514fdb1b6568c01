package cn.shangliang.handling;

/** The liaison office's review of a department reply. */
public enum ReviewResult {
  ACCEPT("采纳"),
  RETURN("退回重办");

  private final String label;

  ReviewResult(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
