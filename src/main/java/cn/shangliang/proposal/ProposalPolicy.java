package cn.shangliang.proposal;

import cn.shangliang.calendar.WorkingCalendar;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.Period;

/**
 * The proposal clocks and the follow-up review ({@code rules/proposals/proposal-policy.yaml}): reply due
 * 3 months after assignment, re-handling 1 month, evaluation within 15 days, follow-up 6 months after
 * a class-B reply, and the key-supervision thresholds.
 */
public record ProposalPolicy(Period replyDue, Period reHandlingDue, Period evaluationWindow, Period followUpAfter,
    int maxHandlingRounds, KeySupervisionPolicy keySupervision) {

  /**
   * A deadline a period after a moment: the close of office hours of that calendar day, moved to the
   * next working day when the day is off (a reply due "in 3 months" is not due on a holiday).
   */
  public static Instant deadline(WorkingCalendar calendar, Instant from, Period period) {
    return calendar.periodDeadline(from, period);
  }

  /** A window of calendar time (evaluation, follow-up), ending at the same time of day. */
  public static Instant after(WorkingCalendar calendar, Instant from, Period period) {
    OffsetDateTime start = from.atZone(calendar.zone()).toOffsetDateTime();
    return start.plus(period).toInstant();
  }

  /** 不满意 sends the proposal back while rounds remain ({@code maxHandlingRounds}); anything else concludes it. */
  public EvaluationOutcome afterEvaluation(EvaluationResult result, int handlingRound) {
    return result == EvaluationResult.DISSATISFIED && handlingRound < maxHandlingRounds
        ? EvaluationOutcome.RE_HANDLE : EvaluationOutcome.CONCLUDE;
  }
}
