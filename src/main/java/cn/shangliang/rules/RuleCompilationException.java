package cn.shangliang.rules;

import java.util.List;

/** The rules in {@code rules/} do not compile or their data does not parse; the messages say where. */
public class RuleCompilationException extends RuntimeException {
  private final List<String> messages;

  public RuleCompilationException(List<String> messages) {
    super("rules/ refused:\n  " + String.join("\n  ", messages));
    this.messages = List.copyOf(messages);
  }

  public List<String> messages() {
    return messages;
  }
}
