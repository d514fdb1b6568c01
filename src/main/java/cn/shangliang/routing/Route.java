package cn.shangliang.routing;

/** The three ways a matter is handled (DOMAIN.md §3, step 5). */
public enum Route {
  ON_SITE("现场答复"),
  DEPARTMENT("限时答复"),
  PROPOSAL("转提案");

  private final String label;

  Route(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
