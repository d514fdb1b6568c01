package cn.shangliang.privacy;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Personal data in anything public: names as 张*, phones as 138****1234, and phone or ID-card-like
 * numbers inside free text, as well as a name someone gives for themselves there (我叫李四 → 我叫李*).
 * The one place every public output masks with.
 */
public final class Masking {
  private static final Pattern ID_CARD = Pattern.compile("(?<![0-9])([1-9][0-9]{5})[0-9]{8}([0-9]{3}[0-9Xx])(?![0-9])");
  private static final Pattern MOBILE = Pattern.compile("(?<![0-9])(1[3-9][0-9])[0-9]{4}([0-9]{4})(?![0-9])");
  private static final Pattern LANDLINE = Pattern.compile("(?<![0-9])(0[0-9]{2,3}-?)[0-9]{3,4}([0-9]{4})(?![0-9])");
  /** A person naming themselves in free text: 我叫李四，/ 本人王小明 / 联系人：张三 / 姓名：赵六. */
  private static final Pattern SELF_NAMED = Pattern.compile(
      "(我叫|本人|联系人[:：]?|姓名[:：]?)([\\p{IsHan}])([\\p{IsHan}]{1,2})(?=[，,。；;、\\s]|电话|手机|联系|$)");

  private Masking() {}

  public static String name(String name) {
    if (name == null || name.isBlank()) return name;
    String trimmed = name.strip();
    return trimmed.substring(0, trimmed.offsetByCodePoints(0, 1)) + "*";
  }

  public static String phone(String phone) {
    if (phone == null) return null;
    String digits = phone.replaceAll("[^0-9]", "");
    if (digits.length() < 7) return "****";
    return digits.substring(0, 3) + "****" + digits.substring(digits.length() - 4);
  }

  /** Numbers as in {@link #freeText(String)}, and the given people's names wherever they appear (张三丰 → 张*). */
  public static String freeText(String text, String... names) {
    String masked = freeText(text);
    if (masked == null) return null;
    for (String name : names) {
      if (name != null && name.strip().length() >= 2) masked = masked.replace(name.strip(), name(name));
    }
    return masked;
  }

  public static String freeText(String text) {
    if (text == null) return null;
    String masked = ID_CARD.matcher(text).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + "********" + m.group(2)));
    masked = MOBILE.matcher(masked).replaceAll("$1****$2");
    masked = SELF_NAMED.matcher(masked).replaceAll("$1$2*");
    return LANDLINE.matcher(masked).replaceAll("$1****$2");
  }
}
