package cn.shangliang.sla;

/** How a supervisor urged the department (督办方式). */
public enum SupervisionAction {
  PHONE("电话催办"),
  WRITTEN("书面督办"),
  MEETING("约谈督办");

  private final String label;

  SupervisionAction(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
