package cn.shangliang.routing;

/** How far a demand reaches, smallest to largest (DOMAIN.md §2). */
public enum Scope {
  HOUSEHOLD("户"),
  GROUP("村民小组/楼栋"),
  VILLAGE("村/社区"),
  TOWNSHIP("乡镇/街道"),
  COUNTY("县/区"),
  CROSS_REGION("跨区域");

  private final String label;

  Scope(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  public boolean isAtMost(Scope other) {
    return compareTo(other) <= 0;
  }
}
