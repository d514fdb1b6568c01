package cn.shangliang.routing;

import cn.shangliang.organisation.Departments;
import cn.shangliang.rules.RuleBase;
import cn.shangliang.rules.RuleData;
import cn.shangliang.rules.RuleFiles;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Parsers for the routing data in {@code rules/}: the departments and the routing policy. */
@Configuration(proxyBeanMethods = false)
class RoutingData {
  static final String DEPARTMENTS_FILE = "departments.yaml";
  static final String POLICY_FILE = "routing/routing-policy.yaml";

  record DepartmentEntry(String code, String name) {}

  record DepartmentsFile(List<DepartmentEntry> departments) {}

  record Thresholds(BigDecimal highCostYuan, int manyDepartments, int jointDepartments, int recurringCount,
      int repeatWindowDays, Scope onSiteMaxScope, Set<Scope> proposalScopes) {}

  record PolicyFile(Thresholds thresholds, Map<String, DeadlineRule> deadlines,
      Map<Category, String> leadDepartmentByCategory, String defaultCoDepartment) {}

  @Bean
  RuleData<Departments> departmentsData() {
    return new RuleData<>() {
      @Override
      public Class<Departments> type() {
        return Departments.class;
      }

      @Override
      public boolean accepts(String path) {
        return path.equals(DEPARTMENTS_FILE);
      }

      @Override
      public Departments parse(Map<String, byte[]> files, RuleBase.Partial partial) {
        DepartmentsFile file = read(files, DEPARTMENTS_FILE, DepartmentsFile.class);
        Map<String, String> names = new LinkedHashMap<>();
        for (DepartmentEntry entry : file.departments()) {
          if (entry.code() == null || !entry.code().matches("[a-z][a-z0-9-]{1,30}")) {
            throw new IllegalArgumentException(DEPARTMENTS_FILE + ": bad department code '" + entry.code() + "' (lower case, digits, '-')");
          }
          if (names.put(entry.code(), entry.name()) != null) {
            throw new IllegalArgumentException(DEPARTMENTS_FILE + ": department " + entry.code() + " listed twice");
          }
        }
        return new Departments(names);
      }
    };
  }

  @Bean
  RuleData<RoutingPolicy> routingPolicyData() {
    return new RuleData<>() {
      @Override
      public Class<RoutingPolicy> type() {
        return RoutingPolicy.class;
      }

      @Override
      public boolean accepts(String path) {
        return path.equals(POLICY_FILE);
      }

      @Override
      public List<Class<?>> dependsOn() {
        return List.of(Departments.class);
      }

      @Override
      public RoutingPolicy parse(Map<String, byte[]> files, RuleBase.Partial partial) {
        Departments departments = partial.data(Departments.class);
        PolicyFile file = read(files, POLICY_FILE, PolicyFile.class);
        List<String> problems = new ArrayList<>();
        Thresholds t = file.thresholds();
        if (t == null) throw new IllegalArgumentException(POLICY_FILE + ": thresholds are missing");
        if (t.highCostYuan() == null || t.onSiteMaxScope() == null || t.proposalScopes() == null) {
          problems.add("thresholds need highCostYuan, onSiteMaxScope and proposalScopes");
        }
        Map<Category, String> leads = new EnumMap<>(Category.class);
        if (file.leadDepartmentByCategory() != null) leads.putAll(file.leadDepartmentByCategory());
        for (Category category : Category.values()) {
          String lead = leads.get(category);
          if (lead == null) problems.add("leadDepartmentByCategory has no department for " + category);
          else if (!departments.exists(lead)) problems.add("leadDepartmentByCategory." + category + ": unknown department " + lead);
        }
        if (file.defaultCoDepartment() == null || !departments.exists(file.defaultCoDepartment())) {
          problems.add("defaultCoDepartment: unknown department " + file.defaultCoDepartment());
        }
        Map<String, DeadlineRule> deadlines = file.deadlines() == null ? Map.of() : file.deadlines();
        for (String rule : List.of("EMERGENCY", "ON_SITE", "URGENT", "JOINT", "STANDARD")) {
          if (!deadlines.containsKey(rule)) problems.add("deadlines has no entry for rule " + rule);
        }
        if (!problems.isEmpty()) throw new IllegalArgumentException(POLICY_FILE + ": " + String.join("; ", problems));
        return new RoutingPolicy(t.highCostYuan(), t.manyDepartments(), t.jointDepartments(), t.recurringCount(),
            t.repeatWindowDays(), t.onSiteMaxScope(), t.proposalScopes(), deadlines, leads, file.defaultCoDepartment(),
            departments);
      }
    };
  }

  private static <T> T read(Map<String, byte[]> files, String path, Class<T> type) {
    return RuleFiles.yaml(files, path, type);
  }

}
