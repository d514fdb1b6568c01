package cn.shangliang.scorecard;

import java.time.Instant;
import java.util.List;

/**
 * A matter's score: the total, its grade, each indicator and every item that earned or lost points; {@code pending}
 * names the items not judged yet because what they measure has not happened (未到评价时点): they count in the total
 * once they are earned, and are never counted as lost meanwhile.
 */
public record MatterScore(String matterId, String trackingCode, String title, String township, String village,
    String platformId, String platformName, Instant consultedAt, double total, String grade, List<String> coreMissed,
    List<IndicatorScore> indicators, double bonus, List<ItemResult> items, List<String> pending) {

  /** An indicator: raw points inside it (items earned less deductions, 0 to full) and its weighted score. */
  public record IndicatorScore(String key, String label, double weight, double full, double raw, double score) {}

  /**
   * One scheme line for this matter: met or not, what the records showed, and the points it changed (+ earned,
   * − deducted) or {@code lost} (an item's points not earned); {@code pending} when it is not judged yet (not met,
   * nothing lost, {@code measured} says 未到评价时点 and why).
   */
  public record ItemResult(String key, String label, String kind, String indicator, boolean core, boolean met,
      String measured, String test, double change, double lost, boolean pending) {}
}
