package cn.shangliang.organisation;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The handling units (承办单位) of {@code rules/departments.yaml}: code → Chinese name. */
public record Departments(Map<String, String> names) {
  public Departments {
    names = Collections.unmodifiableMap(new LinkedHashMap<>(names));
  }

  public boolean exists(String code) {
    return names.containsKey(code);
  }

  public Optional<String> name(String code) {
    return Optional.ofNullable(names.get(code));
  }

  /** The Camunda group of a department's staff. */
  public static String groupOf(String code) {
    return "dept-" + code;
  }
}
