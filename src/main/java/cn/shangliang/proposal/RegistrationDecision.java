package cn.shangliang.proposal;

/** 立案审查: register, merge into an existing proposal, or forward as a 社情民意 report. */
public enum RegistrationDecision {
  REGISTER("立案"),
  MERGE("并案"),
  FORWARD("不予立案，转社情民意");

  private final String label;

  RegistrationDecision(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
