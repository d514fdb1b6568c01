package cn.shangliang.scorecard;

/** A scheme item a matter's records satisfy (inserted by {@code scorecard.drl}). */
public final class Earned {
  private final long matterId;
  private final ScoreItem item;
  private final Double value;

  public Earned(long matterId, ScoreItem item, Double value) {
    this.matterId = matterId;
    this.item = item;
    this.value = value;
  }

  public long getMatterId() { return matterId; }

  public ScoreItem getItem() { return item; }

  public Double getValue() { return value; }
}
