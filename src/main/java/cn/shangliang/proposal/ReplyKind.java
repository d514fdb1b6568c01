package cn.shangliang.proposal;

/** Which handling a reply ends. */
public enum ReplyKind {
  FIRST("首次答复"),
  RE_HANDLING("不满意后二次办理"),
  SECOND_HANDLING("回头看二次办理");

  private final String label;

  ReplyKind(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
