package cn.shangliang.publicity;

/**
 * {@code processes/publicity/PublicityProcess.bpmn}: a notice of the result is published, stays on the
 * board for the publicity period (default 7 calendar days, {@code shangliang.publicity.period}), then
 * closes. Business key = tracking code. (Objections and satisfaction come with the publicity issue.)
 */
public final class PublicityProcess {
  public static final String KEY = "PublicityProcess";
  public static final String TASK_PUBLISH = "ServiceTask_PublishNotice";
  public static final String TIMER_WINDOW = "IntermediateCatchEvent_PublicityWindow";
  public static final String VAR_NOTICE_ID = "noticeId";
  public static final String VAR_PERIOD = "publicityPeriod";

  private PublicityProcess() {}
}
