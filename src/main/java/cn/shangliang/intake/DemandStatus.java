package cn.shangliang.intake;

/** Where a demand stands; the history keeps every change. */
public enum DemandStatus {
  COLLECTED("已受理"),
  ON_SITE_ANSWERING("现场答复中"),
  INVESTIGATING("调查核实中"),
  DELIBERATING("协商议事中"),
  DECIDING("集体研究中"),
  DEPARTMENT_HANDLING("部门办理中"),
  PROPOSAL_REVIEW("转提案办理中"),
  HANDLED("已办理，待公示"),
  PUBLICIZING("公示中"),
  EVALUATING("回访评价中"),
  CLOSED("已办结"),
  MERGED("已并单");

  private final String label;

  DemandStatus(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
