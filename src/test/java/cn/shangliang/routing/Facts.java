package cn.shangliang.routing;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** A readable builder of routing facts for tests: an ordinary village demand unless told otherwise. */
public final class Facts {
  private Category category = Category.TRANSPORT;
  private Scope scope = Scope.VILLAGE;
  private Urgency urgency = Urgency.NORMAL;
  private boolean answerableOnSite;
  private boolean needsPolicyChange;
  private BigDecimal cost;
  private int departments = 1;
  private List<String> coDepartments = new ArrayList<>();
  private int affectedPeople = 10;
  private int repeatCount;

  public static Facts demand() {
    return new Facts();
  }

  public Facts category(Category value) { category = value; return this; }
  public Facts scope(Scope value) { scope = value; return this; }
  public Facts urgency(Urgency value) { urgency = value; return this; }
  public Facts answerableOnSite() { answerableOnSite = true; return this; }
  public Facts needsPolicyChange() { needsPolicyChange = true; return this; }
  public Facts cost(String yuan) { cost = new BigDecimal(yuan); return this; }
  public Facts departments(int value) { departments = value; return this; }
  public Facts coDepartments(String... codes) { coDepartments = List.of(codes); return this; }
  public Facts repeatCount(int value) { repeatCount = value; return this; }

  public RoutingFacts build() {
    return new RoutingFacts(category, scope, urgency, answerableOnSite, needsPolicyChange, cost, departments,
        coDepartments, affectedPeople, repeatCount);
  }
}
