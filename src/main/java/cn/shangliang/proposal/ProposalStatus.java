package cn.shangliang.proposal;

/** Where a proposal stands. */
public enum ProposalStatus {
  REGISTRATION_REVIEW("立案审查中"),
  ASSIGNING("待交办"),
  HANDLING("办理中"),
  EVALUATING("待提案者评价"),
  RE_HANDLING("二次办理中"),
  FOLLOW_UP_PENDING("待回头看"),
  FOLLOW_UP_REVIEW("回头看中"),
  MERGED("已并案"),
  FORWARDED("已转社情民意"),
  CLOSED("已办结");

  private final String label;

  ProposalStatus(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
