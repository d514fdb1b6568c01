package cn.shangliang.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("no-database")
class MaskingTest {
  @Test
  void namesKeepTheFirstCharacter() {
    assertThat(Masking.name("张三")).isEqualTo("张*");
    assertThat(Masking.name("欧阳娜娜")).isEqualTo("欧*");
    assertThat(Masking.name("𠮷野家")).as("a 4-byte character is one character").isEqualTo("𠮷*");
    assertThat(Masking.name(null)).isNull();
  }

  @Test
  void phonesKeepThreeAndFour() {
    assertThat(Masking.phone("13812341234")).isEqualTo("138****1234");
    assertThat(Masking.phone("+86 138-1234-1234")).isEqualTo("861****1234");
    assertThat(Masking.phone("12345")).isEqualTo("****");
  }

  @Test
  void numbersInFreeTextAreMasked() {
    String text = "联系电话13987654321，身份证110101199003071234，座机0830-1234567，门牌号12号。";
    String masked = Masking.freeText(text);
    assertThat(masked).doesNotContain("13987654321", "110101199003071234", "1234567");
    assertThat(masked).contains("139****4321", "110101********1234", "门牌号12号");
    assertThat(Masking.freeText("我叫张三丰，住在三组。", "张三丰")).isEqualTo("我叫张*，住在三组。");
  }

  @org.junit.jupiter.api.Test
  void aNameSomeoneGivesForThemselvesInFreeText_isMasked() {
    org.assertj.core.api.Assertions.assertThat(Masking.freeText("我叫李四，电话13611112222。")).isEqualTo("我叫李*，电话136****2222。");
    org.assertj.core.api.Assertions.assertThat(Masking.freeText("联系人：欧阳修 手机13912345678")).isEqualTo("联系人：欧* 手机139****5678");
    org.assertj.core.api.Assertions.assertThat(Masking.freeText("本人王小明联系13800001111")).isEqualTo("本人王*联系138****1111");
    org.assertj.core.api.Assertions.assertThat(Masking.freeText("我是村民，路面积水严重。")).as("no name, nothing masked")
        .isEqualTo("我是村民，路面积水严重。");
  }
}
