package cn.shangliang.proposal;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The reply classes a handling unit chooses from ({@code rules/proposals/reply-classes.yaml}): A/B/C by
 * default, A/B/C/D or any other scheme by data. Classes marked {@code followUp} go to 回头看 until the
 * proposal reaches a class that is not. Public methods are called from BPMN expressions.
 */
public record ReplyClassScheme(String name, List<ReplyClass> classes) {

  public record ReplyClass(String code, String label, boolean followUp) {}

  public Optional<ReplyClass> find(String code) {
    return classes.stream().filter(c -> c.code().equals(code)).findFirst();
  }

  public boolean followUp(String code) {
    return find(code).map(ReplyClass::followUp).orElse(false);
  }

  public String label(String code) {
    return find(code).map(c -> c.code() + "类（" + c.label() + "）").orElse(code);
  }

  /** The options of a Camunda Forms select ({@code valuesKey}). */
  public List<Map<String, String>> options() {
    return classes.stream().map(c -> ProposalGlue.option(c.code() + " " + c.label(), c.code())).toList();
  }
}
