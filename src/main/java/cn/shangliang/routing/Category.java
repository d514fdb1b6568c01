package cn.shangliang.routing;

/** Demand categories (DOMAIN.md §2), with the names people see. */
public enum Category {
  TRANSPORT("交通出行"),
  WATER("水利水务"),
  EDUCATION("教育"),
  HEALTH("医疗卫生"),
  ELDERLY("养老服务"),
  CHILDCARE("托育"),
  SANITATION("环境卫生"),
  HOUSING("住房与老旧小区"),
  AGRICULTURE("农业与产业发展"),
  EMPLOYMENT("就业社保"),
  PUBLIC_SAFETY("社会治安"),
  URBAN_MANAGEMENT("城市管理"),
  ENVIRONMENT("生态环境"),
  POLICY("政策咨询"),
  OTHER("其他");

  private final String label;

  Category(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
