package cn.shangliang.rules;

import java.util.List;
import java.util.Map;

/**
 * A kind of rule data in {@code rules/} (the calendar, the routing thresholds…), parsed whenever the
 * rules are compiled so that a broken data file is refused exactly like a broken DRL file.
 * Implementations are Spring beans of the module that owns the data.
 *
 * @param <T> the parsed, immutable form the module reads at run time
 */
public interface RuleData<T> {

  /** The type the parsed data is found under in a {@link RuleBase}. */
  Class<T> type();

  /** Whether a file of {@code rules/} (path relative to it) belongs to this data. */
  boolean accepts(String path);

  /**
   * Parses all accepted files (path → content). Throws {@link IllegalArgumentException} with a
   * message naming the file for anything a designer got wrong.
   */
  T parse(Map<String, byte[]> files, RuleBase.Partial partial);

  /** Types this data needs parsed first (e.g. routing needs the departments). */
  default List<Class<?>> dependsOn() {
    return List.of();
  }
}
