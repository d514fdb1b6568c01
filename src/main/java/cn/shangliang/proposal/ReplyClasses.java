package cn.shangliang.proposal;

import cn.shangliang.rules.RulesService;
import org.springframework.stereotype.Component;

/**
 * {@code ${replyClasses.followUp(replyClass)}} in the proposal models: whether a class calls for 回头看 in
 * the scheme in force ({@code rules/proposals/reply-classes.yaml}). Public, so the expression language can call it.
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
