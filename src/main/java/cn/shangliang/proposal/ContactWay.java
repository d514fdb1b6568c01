package cn.shangliang.proposal;

/** How the handling unit contacted the proposer (沟通协商). */
public enum ContactWay {
  VISIT("登门走访"),
  MEETING("座谈面商"),
  SITE("现场调研"),
  PHONE("电话沟通"),
  LETTER("书面征询");

  private final String label;

  ContactWay(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
