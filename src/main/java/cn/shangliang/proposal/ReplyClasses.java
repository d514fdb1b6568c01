package cn.shangliang.proposal;

import cn.shangliang.rules.RulesService;
import org.springframework.stereotype.Component;

/**
 * {@code ${replyClasses.followUp(replyClass)}}: whether a class calls for 回头看 in the scheme in force
 * ({@code rules/proposals/reply-classes.yaml}). The models now read {@code followUpNeeded} and {@code stillPending},
 * which the glue writes; this bean stays for the instances still running on definitions deployed before them. Public,
 * so the expression language can call it.
 */
@Component("replyClasses")
public class ReplyClasses {
  private final RulesService rules;

  ReplyClasses(RulesService rules) {
    this.rules = rules;
  }

  public boolean followUp(String replyClass) {
    return rules.current().data(ReplyClassScheme.class).followUp(replyClass);
  }
}
