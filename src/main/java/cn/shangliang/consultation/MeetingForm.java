package cn.shangliang.consultation;

/** 协商形式 (DOMAIN.md §3, step 3). */
public enum MeetingForm {
  COURTYARD("院坝协商"),
  HEARING("民情恳谈"),
  COUNCIL("议事会"),
  DECISION_HEARING("决策听证"),
  ONLINE("网络协商");

  private final String label;

  MeetingForm(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
