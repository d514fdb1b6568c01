package cn.shangliang.handling;

import cn.shangliang.organisation.Departments;
import java.util.Arrays;
import java.util.List;

/**
 * {@code ${coHandlers.groups(coDepartments)}} in DepartmentReplyProcess: the groups of the co-departments
 * ("water,township" → dept-water, dept-township), one opinion task each. A pure function (public, so
 * the expression language can call it).
 */
public class CoHandlers {
  public List<String> groups(String coDepartments) {
    if (coDepartments == null || coDepartments.isBlank()) return List.of();
    return Arrays.stream(coDepartments.split(",")).map(String::strip).filter(s -> !s.isEmpty()).map(Departments::groupOf).toList();
  }
}
