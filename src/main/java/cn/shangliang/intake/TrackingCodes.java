package cn.shangliang.intake;

import java.util.regex.Pattern;

/** Tracking codes {@code SL-<year>-<6 digits>} (more digits past a million), made from the demand id. */
public final class TrackingCodes {
  public static final Pattern PATTERN = Pattern.compile("^SL-\\d{4}-\\d{6,}$");

  private TrackingCodes() {}

  public static String format(int year, long id) {
    return String.format("SL-%04d-%06d", year, id);
  }

  public static boolean isTrackingCode(String text) {
    return text != null && PATTERN.matcher(text).matches();
  }
}
