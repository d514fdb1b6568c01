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

  @Test
  void personNames_areToldFromRolesAndOffices() {
    for (String name : new String[] {"王大爷", "李老师", "欧阳修", "钱多多", "张三"}) assertThat(Masking.isPersonName(name)).as(name).isTrue();
    for (String role : new String[] {"物业公司", "3栋住户代表", "周边商户", "交通运输局", "幸福社区居委会", "沿街商户代表", "王"}) {
      assertThat(Masking.isPersonName(role)).as(role).isFalse();
    }
  }

  @Test
  void givenNames_areMaskedLongestFirst() {
    assertThat(Masking.freeText("张三和张三丰都同意", "张三", "张三丰")).isEqualTo("张*和张*都同意");
  }

  @Test
  void aNameSomeoneIntroducesThemselvesWith_isMasked() {
    assertThat(Masking.freeText("我是赵六，住三组。")).isEqualTo("我是赵*，住三组。");
    assertThat(Masking.freeText("本人赵六")).isEqualTo("本人赵*");
    assertThat(Masking.freeText("本人赵六反映：路灯坏了半年。")).isEqualTo("本人赵*反映：路灯坏了半年。");
    assertThat(Masking.freeText("我是刘小红是三组村民")).isEqualTo("我是刘*是三组村民");
    assertThat(Masking.freeText("大家好我是欧阳娜娜，支持修路")).isEqualTo("大家好我是欧*，支持修路");
    assertThat(Masking.freeText("我姓王名小明。")).isEqualTo("我姓王名*。");
    assertThat(Masking.freeText("我姓王，叫小明，电话13800001111")).isEqualTo("我姓王，叫*，电话138****1111");
    assertThat(Masking.freeText("我名叫孙悟，家住二组")).isEqualTo("我名叫孙*，家住二组");
  }

  @Test
  void whatFollows我是or本人_withoutAName_staysAsWritten() {
    for (String text : new String[] {"我是村民，路面积水严重。", "本人认为，应当先修排水沟。", "本人曾多次反映，无人处理。",
        "我是党员，愿意带头。", "我是居民，也是业主。", "本人同意。", "我是三组的，家门口积水。", "我是向阳村，希望尽快修。",
        "我是王家坝的，路不好走。", "本人强烈建议修路。"}) {
      assertThat(Masking.freeText(text)).as(text).isEqualTo(text);
    }
  }
}
