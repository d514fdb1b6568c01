package cn.shangliang.privacy;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Personal data in anything public: names as 张*, phones as 138****1234, and phone or ID-card-like
 * numbers inside free text, as well as a name someone gives for themselves there (我叫李四 → 我叫李*,
 * 我是赵六 → 我是赵*, 我姓王名小明 → 我姓王名*). The one place every public output masks with.
 */
public final class Masking {
  private static final Pattern ID_CARD = Pattern.compile("(?<![0-9])([1-9][0-9]{5})[0-9]{8}([0-9]{3}[0-9Xx])(?![0-9])");
  private static final Pattern MOBILE = Pattern.compile("(?<![0-9])(1[3-9][0-9])[0-9]{4}([0-9]{4})(?![0-9])");
  private static final Pattern LANDLINE = Pattern.compile("(?<![0-9])(0[0-9]{2,3}-?)[0-9]{3,4}([0-9]{4})(?![0-9])");

  private static final String HAN = "\\p{IsHan}";
  /** Two-character surnames: 欧阳修 is 欧阳 and 修, so a four-character name is still a name. */
  private static final String COMPOUND_SURNAMES = "欧阳|司马|上官|诸葛|东方|皇甫|尉迟|公孙|长孙|慕容|司徒|夏侯|令狐|宇文|端木|独孤"
      + "|南宫|西门|申屠|轩辕|呼延|闻人|赫连|澹台|公冶|宗政|濮阳|钟离|拓跋|单于";
  /**
   * Common surnames, for the cues that also begin other sentences (我是村民, 本人认为): what follows 我是 or 本人
   * is taken for a name only when it begins with one of these. Left out are the few that mostly begin words there
   * (党员, 农民, 居民, 商户, 车主, 房东, 老党员).
   */
  private static final String SURNAMES = "[王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程"
      + "苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温"
      + "康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁"
      + "冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲宫谈邬滕荣宗卜裘尤晏敖缪冷卓屈饶解]";
  /** What may follow a name someone gives: a stop, a space, the end, or the words that go on about them. */
  private static final String AFTER_NAME = "(?=[，,。．.；;、！!？?：:\\s（(）)“”\"']|$|电话|手机|联系|是|系|住|家住|现住|在|反映|今年|来自)";
  /** Words after 我是 / 本人 that begin with a surname but are no name (本人曾经反映, 我是向您反映, 本人同意). */
  private static final String NOT_A_NAME = "(?!曾经|曾多次|同意|申请|常年|长期|全家|强烈|向您|向你|向上级|于是|于今年|经常|查看"
      + "|通过|代表|作为|居住|所在|来自|今年|和家人|万分|高度|严重)";
  /** A person naming themselves: 我叫李四，/ 联系人：张三 / 姓名：赵六 (any first character after these cues). */
  private static final Pattern NAMED = Pattern.compile("(我叫|我名叫|我的名字[是叫]|联系人[:：]?|姓名[:：是]?)((?:"
      + COMPOUND_SURNAMES + "|" + HAN + ")" + HAN + "{1,2})" + AFTER_NAME);
  /** Where someone is from rather than who (我是向阳村，/ 我是王家坝的): a place ends in one of these. */
  private static final String NOT_A_PLACE = "(?<![村组镇乡街区屯寨湾坝沟家庄院楼栋号])";
  /** A person introducing themselves: 我是赵六，/ 本人赵六反映 / 本人王小明联系…, with a surname first. */
  private static final Pattern INTRODUCED = Pattern.compile("(我是|本人)" + NOT_A_NAME + "((?:" + COMPOUND_SURNAMES + "|"
      + SURNAMES + ")" + HAN + "{1,2})" + NOT_A_PLACE + AFTER_NAME);
  /** The surname and the given name apart: 我姓王名小明 / 姓王，叫小明 (the surname alone says no more than 王*). */
  private static final Pattern SURNAME_THEN_NAME = Pattern.compile("(姓(?:" + COMPOUND_SURNAMES + "|" + HAN + ")[，,]?(?:名叫|名|叫))"
      + HAN + "{1,2}" + AFTER_NAME);

  /** A person's name or how people call them (王大爷, 李老师, 欧阳修), not a role or a place (物业公司, 3栋住户代表, 周边商户). */
  private static final Pattern PERSON = Pattern.compile("(?:" + COMPOUND_SURNAMES + "|" + SURNAMES + ")" + HAN + "{1,2}"
      + "(?<![户村组镇乡街区会局委办站所司队部院校厂店])");

  private Masking() {}

  /** Whether a label someone is known by reads as a person's name, so that it is masked where the public reads. */
  public static boolean isPersonName(String label) {
    return label != null && PERSON.matcher(label.strip()).matches();
  }

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

  /**
   * Numbers as in {@link #freeText(String)}, and the given people's names wherever they appear (张三丰 → 张*), the
   * longest first so that 张三 does not leave 张*丰 of 张三丰.
   */
  public static String freeText(String text, String... names) {
    String masked = freeText(text);
    if (masked == null) return null;
    List<String> longestFirst = Arrays.stream(names).filter(n -> n != null && n.strip().length() >= 2).map(String::strip)
        .sorted(Comparator.comparingInt(String::length).reversed()).toList();
    for (String name : longestFirst) masked = masked.replace(name, name(name));
    return masked;
  }

  public static String freeText(String text) {
    if (text == null) return null;
    String masked = ID_CARD.matcher(text).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + "********" + m.group(2)));
    masked = MOBILE.matcher(masked).replaceAll("$1****$2");
    masked = selfNamed(masked);
    return LANDLINE.matcher(masked).replaceAll("$1****$2");
  }

  private static String selfNamed(String text) {
    String masked = NAMED.matcher(text).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + name(m.group(2))));
    masked = INTRODUCED.matcher(masked).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + name(m.group(2))));
    return SURNAME_THEN_NAME.matcher(masked).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + "*"));
  }
}
