package cn.shangliang.routing;

import cn.shangliang.organisation.Departments;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The numbers and tables the routing rules read ({@code rules/routing/routing-policy.yaml}), so a
 * designer changes a threshold or a deadline without touching DRL. Getters are what DRL sees.
 */
public final class RoutingPolicy {
  private final BigDecimal highCostYuan;
  private final int manyDepartments;
  private final int jointDepartments;
  private final int recurringCount;
  private final int repeatWindowDays;
  private final Scope onSiteMaxScope;
  private final Set<Scope> proposalScopes;
  private final Map<String, DeadlineRule> deadlines;
  private final Map<Category, String> leadDepartments;
  private final String defaultCoDepartment;
  private final Departments departments;

  public RoutingPolicy(BigDecimal highCostYuan, int manyDepartments, int jointDepartments, int recurringCount,
      int repeatWindowDays, Scope onSiteMaxScope, Set<Scope> proposalScopes, Map<String, DeadlineRule> deadlines,
      Map<Category, String> leadDepartments, String defaultCoDepartment, Departments departments) {
    this.highCostYuan = highCostYuan;
    this.manyDepartments = manyDepartments;
    this.jointDepartments = jointDepartments;
    this.recurringCount = recurringCount;
    this.repeatWindowDays = repeatWindowDays;
    this.onSiteMaxScope = onSiteMaxScope;
    this.proposalScopes = Set.copyOf(proposalScopes);
    this.deadlines = Map.copyOf(deadlines);
    this.leadDepartments = Map.copyOf(leadDepartments);
    this.defaultCoDepartment = defaultCoDepartment;
    this.departments = departments;
  }

  public BigDecimal getHighCostYuan() { return highCostYuan; }
  public int getManyDepartments() { return manyDepartments; }
  public int getJointDepartments() { return jointDepartments; }
  public int getRecurringCount() { return recurringCount; }
  public int getRepeatWindowDays() { return repeatWindowDays; }
  public Scope getOnSiteMaxScope() { return onSiteMaxScope; }
  public Set<Scope> getProposalScopes() { return proposalScopes; }
  public String getDefaultCoDepartment() { return defaultCoDepartment; }
  public Departments departments() { return departments; }

  public String leadDepartmentOf(Category category) {
    return leadDepartments.get(category);
  }

  public DeadlineRule deadlineOf(String ruleId) {
    return deadlines.get(ruleId);
  }

  /** Departments a JOINT matter is handled with: those given with the demand, else the default. */
  public List<String> coDepartmentsFor(RoutingFacts facts, String lead) {
    List<String> given = facts.getCoDepartments().isEmpty() ? List.of(defaultCoDepartment) : facts.getCoDepartments();
    return given.stream().filter(code -> !code.equals(lead)).distinct().toList();
  }
}
