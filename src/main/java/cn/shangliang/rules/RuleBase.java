package cn.shangliang.rules;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.kie.api.KieBase;

/**
 * One compiled, immutable state of {@code rules/}: a KieBase per rule folder and the parsed rule data.
 * Swapped as a whole, so rules and the data they read always belong together.
 */
public final class RuleBase {

  /** A rule file in force. */
  public record RuleFile(String path, String sha256, long size) {}

  /** What is parsed so far while a RuleBase is being built, for data that depends on other data. */
  public interface Partial {
    <T> T data(Class<T> type);
  }

  private final Map<String, KieBase> kieBases;
  private final Map<Class<?>, Object> data;
  private final List<RuleFile> files;
  private final String checksum;
  private final Instant loadedAt;
  private final String source;

  RuleBase(Map<String, KieBase> kieBases, Map<Class<?>, Object> data, List<RuleFile> files, String checksum,
      Instant loadedAt, String source) {
    this.kieBases = Map.copyOf(kieBases);
    this.data = Map.copyOf(data);
    this.files = List.copyOf(files);
    this.checksum = checksum;
    this.loadedAt = loadedAt;
    this.source = source;
  }

  /** The rules of one folder of {@code rules/} (its DRL package), e.g. {@code routing}. */
  public KieBase kieBase(String folder) {
    KieBase kieBase = kieBases.get(folder);
    if (kieBase == null) throw new IllegalStateException("no rules in rules/" + folder + "/");
    return kieBase;
  }

  public <T> T data(Class<T> type) {
    Object value = data.get(type);
    if (value == null) throw new IllegalStateException("no rule data of type " + type.getSimpleName());
    return type.cast(value);
  }

  public List<RuleFile> files() {
    return files;
  }

  /** SHA-256 over all files in force: identifies the rule version a decision was made with. */
  public String checksum() {
    return checksum;
  }

  public Instant loadedAt() {
    return loadedAt;
  }

  public String source() {
    return source;
  }
}
