package cn.shangliang.routing;

import java.math.BigDecimal;
import java.util.List;

/** What the routing rules look at (DOMAIN.md §4). Immutable; a plain class so DRL reads its getters. */
public final class RoutingFacts {
  private final Category category;
  private final Scope scope;
  private final Urgency urgency;
  private final boolean answerableOnSite;
  private final boolean needsPolicyChange;
  private final BigDecimal estimatedCostYuan;
  private final int departmentsInvolved;
  private final List<String> coDepartments;
  private final int affectedPeople;
  private final int repeatCount;

  public RoutingFacts(Category category, Scope scope, Urgency urgency, boolean answerableOnSite,
      boolean needsPolicyChange, BigDecimal estimatedCostYuan, int departmentsInvolved, List<String> coDepartments,
      int affectedPeople, int repeatCount) {
    this.category = category;
    this.scope = scope;
    this.urgency = urgency;
    this.answerableOnSite = answerableOnSite;
    this.needsPolicyChange = needsPolicyChange;
    this.estimatedCostYuan = estimatedCostYuan;
    this.departmentsInvolved = departmentsInvolved;
    this.coDepartments = coDepartments == null ? List.of() : List.copyOf(coDepartments);
    this.affectedPeople = affectedPeople;
    this.repeatCount = repeatCount;
  }

  public Category getCategory() { return category; }
  public Scope getScope() { return scope; }
  public Urgency getUrgency() { return urgency; }
  public boolean isAnswerableOnSite() { return answerableOnSite; }
  public boolean isNeedsPolicyChange() { return needsPolicyChange; }
  public BigDecimal getEstimatedCostYuan() { return estimatedCostYuan; }
  public int getDepartmentsInvolved() { return departmentsInvolved; }
  public List<String> getCoDepartments() { return coDepartments; }
  public int getAffectedPeople() { return affectedPeople; }
  public int getRepeatCount() { return repeatCount; }

  @Override
  public String toString() {
    return "RoutingFacts[" + category + ", " + scope + ", " + urgency + ", onSite=" + answerableOnSite + ", policy="
        + needsPolicyChange + ", cost=" + estimatedCostYuan + ", departments=" + departmentsInvolved + ", repeat="
        + repeatCount + "]";
  }
}
