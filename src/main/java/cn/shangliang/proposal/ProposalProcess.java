package cn.shangliang.proposal;

/**
 * {@code processes/proposal/ProposalProcess.bpmn}: the liaison office drafts the proposal from the matter,
 * the proposal committee reviews it for registration. Business key = tracking code of the matter.
 * (Assignment, handling units' reply, evaluation and follow-up review come with the proposals issue.)
 */
public final class ProposalProcess {
  public static final String KEY = "ProposalProcess";
  public static final String TASK_DRAFT = "UserTask_DraftProposal";
  public static final String TASK_REGISTRATION_REVIEW = "UserTask_RegistrationReview";
  public static final String VAR_PROPOSAL_ID = "proposalId";

  private ProposalProcess() {}
}
