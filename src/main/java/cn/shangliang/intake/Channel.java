package cn.shangliang.intake;

/** Where a demand came from (DOMAIN.md §2). */
public enum Channel {
  MEMBER_VISIT("委员走访"),
  HEARING("民意恳谈会"),
  COURTYARD("院坝协商会"),
  STATION("社情民意驿站"),
  HOTLINE("12345热线"),
  ONLINE("网络/微信"),
  OPEN311("标准接口");

  private final String label;

  Channel(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
