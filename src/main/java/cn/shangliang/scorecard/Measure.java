package cn.shangliang.scorecard;

import java.util.Set;

/**
 * What a matter's records show for one measure (a fact of {@code scorecard.drl}): a number (yes = 1, no = 0,
 * null when there is nothing to measure yet, e.g. no evaluation answered) or a set of codes.
 */
public final class Measure {
  private final long matterId;
  private final String name;
  private final Double value;
  private final Set<String> values;

  public Measure(long matterId, String name, Double value, Set<String> values) {
    this.matterId = matterId;
    this.name = name;
    this.value = value;
    this.values = values;
  }

  public long getMatterId() { return matterId; }

  public String getName() { return name; }

  public Double getValue() { return value; }

  public Set<String> getValues() { return values; }
}
