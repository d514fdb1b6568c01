package cn.shangliang.rules;

import java.util.List;

/** The rules in {@code rules/} do not compile or their data does not parse; the problems say where. */
public class RuleCompilationException extends RuntimeException {
  private final List<RuleProblem> problems;
  private final List<RuleBase.RuleFile> filesRead;

  public RuleCompilationException(List<RuleProblem> problems, List<RuleBase.RuleFile> filesRead) {
    super("rules/ refused:\n  " + String.join("\n  ", problems.stream().map(RuleProblem::message).toList()));
    this.problems = List.copyOf(problems);
    this.filesRead = List.copyOf(filesRead);
  }

  public List<String> messages() {
    return problems.stream().map(RuleProblem::message).toList();
  }

  public List<RuleProblem> problems() {
    return problems;
  }

  /** The files of the refused folder with their checksums, to tell which ones differ from those in force. */
  public List<RuleBase.RuleFile> filesRead() {
    return filesRead;
  }
}
