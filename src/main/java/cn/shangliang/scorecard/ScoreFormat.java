package cn.shangliang.scorecard;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Scores to one decimal, as people read them. */
final class ScoreFormat {
  private ScoreFormat() {}

  static double round(double value) {
    return BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP).doubleValue();
  }

  static String number(double value) {
    return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(round(value));
  }
}
