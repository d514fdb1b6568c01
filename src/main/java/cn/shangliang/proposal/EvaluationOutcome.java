package cn.shangliang.proposal;

/**
 * What follows the proposer's evaluation (gateway 评价结果？ reads it as {@code evaluationOutcome}): handled once
 * more when dissatisfied and rounds remain, else concluded. Decided by {@link ProposalPolicy#afterEvaluation}.
 */
public enum EvaluationOutcome {
  RE_HANDLE,
  CONCLUDE
}
