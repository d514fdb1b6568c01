package cn.shangliang.proposal;

/** 提案者对答复的评价. */
public enum EvaluationResult {
  SATISFIED("满意"),
  BASICALLY_SATISFIED("基本满意"),
  DISSATISFIED("不满意");

  private final String label;

  EvaluationResult(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
