package cn.shangliang.proposal;

import cn.shangliang.routing.Category;
import cn.shangliang.rules.RuleBase;
import cn.shangliang.rules.RulesService;
import java.util.List;
import org.springframework.stereotype.Service;

/** Evaluates {@code rules/proposals/key-supervision.drl} on the rule base in force. */
@Service
public class KeySupervisionSelector {
  static final String RULES_FOLDER = "proposals";

  private final RulesService rules;

  public KeySupervisionSelector(RulesService rules) {
    this.rules = rules;
  }

  public KeySupervisionSelection select(String proposalNumber, int reviewRound, Category category,
      int affectedPeople) {
    return select(rules.current(), proposalNumber, reviewRound, category, affectedPeople);
  }

  /** On a given rule base (tests and benchmarks load one without Spring). */
  public static KeySupervisionSelection select(RuleBase base, String proposalNumber, int reviewRound,
      Category category, int affectedPeople) {
    KeySupervisionPolicy policy = base.data(ProposalPolicy.class).keySupervision();
    KeySupervisionSelection selection = new KeySupervisionSelection();
    base.kieBase(RULES_FOLDER).newStatelessKieSession().execute(List.of(policy,
        new SelectionCandidate(proposalNumber, reviewRound, category, affectedPeople, policy.getSeed()), selection));
    return selection;
  }
}
