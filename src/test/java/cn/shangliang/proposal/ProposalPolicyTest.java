package cn.shangliang.proposal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Period;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** What follows the proposer's evaluation: the gateway 评价结果？ reads the outcome the policy decides. */
@Tag("no-database")
class ProposalPolicyTest {
  final ProposalPolicy twoRounds = new ProposalPolicy(Period.ofMonths(3), Period.ofMonths(1), Period.ofDays(15),
      Period.ofMonths(6), 2, new KeySupervisionPolicy(Set.of(), 100, 0.1, "seed"));

  @Test
  void dissatisfied_isHandledAgain_whileRoundsRemain() {
    assertThat(twoRounds.afterEvaluation(EvaluationResult.DISSATISFIED, 1)).isEqualTo(EvaluationOutcome.RE_HANDLE);
    assertThat(twoRounds.afterEvaluation(EvaluationResult.DISSATISFIED, 2)).isEqualTo(EvaluationOutcome.CONCLUDE);
  }

  @Test
  void satisfiedOrBasicallySatisfied_concludes() {
    assertThat(twoRounds.afterEvaluation(EvaluationResult.SATISFIED, 1)).isEqualTo(EvaluationOutcome.CONCLUDE);
    assertThat(twoRounds.afterEvaluation(EvaluationResult.BASICALLY_SATISFIED, 1)).isEqualTo(EvaluationOutcome.CONCLUDE);
  }
}
