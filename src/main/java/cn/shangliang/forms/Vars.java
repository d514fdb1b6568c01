package cn.shangliang.forms;

import java.math.BigDecimal;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * Reads what a Camunda Form submitted (numbers may come as Long, Integer, Double or text). A missing or
 * wrong required value refuses the task's completion with a message the form shows.
 */
public final class Vars {
  private Vars() {}

  public static String text(VariableScope scope, String name, String label, boolean required, int max) {
    Object value = scope.getVariable(name);
    String text = value == null ? null : value.toString().strip();
    if (text == null || text.isEmpty()) {
      if (required) throw new BadUserRequestException("请填写「" + label + "」");
      return null;
    }
    if (text.length() > max) throw new BadUserRequestException("「" + label + "」不能超过" + max + "字");
    return text;
  }

  public static Integer integer(VariableScope scope, String name, String label, boolean required, int min, int max) {
    Object value = scope.getVariable(name);
    if (value == null || value.toString().isBlank()) {
      if (required) throw new BadUserRequestException("请填写「" + label + "」");
      return null;
    }
    try {
      BigDecimal number = new BigDecimal(value.toString().strip());
      int result = number.intValueExact();
      if (result < min || result > max) throw new BadUserRequestException("「" + label + "」应在" + min + "到" + max + "之间");
      return result;
    } catch (NumberFormatException | ArithmeticException e) {
      throw new BadUserRequestException("「" + label + "」应为整数");
    }
  }

  public static BigDecimal amount(VariableScope scope, String name, String label) {
    Object value = scope.getVariable(name);
    if (value == null || value.toString().isBlank()) return null;
    try {
      BigDecimal amount = new BigDecimal(value.toString().strip());
      if (amount.signum() < 0) throw new BadUserRequestException("「" + label + "」不能为负数");
      return amount;
    } catch (NumberFormatException e) {
      throw new BadUserRequestException("「" + label + "」应为数字");
    }
  }

  public static boolean flag(VariableScope scope, String name) {
    Object value = scope.getVariable(name);
    return value instanceof Boolean b ? b : value != null && Boolean.parseBoolean(value.toString());
  }

  public static <E extends Enum<E>> E choice(VariableScope scope, String name, String label, Class<E> type) {
    String text = text(scope, name, label, true, 64);
    try {
      return Enum.valueOf(type, text);
    } catch (IllegalArgumentException e) {
      throw new BadUserRequestException("「" + label + "」的取值无效：" + text);
    }
  }

  /** Who is completing the task: the logged-in user, else the assignee, else the system. */
  public static String actor(DelegateTask task) {
    var authentication = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    if (authentication != null && authentication.getUserId() != null) return authentication.getUserId();
    return task.getAssignee() != null ? task.getAssignee() : "system";
  }
}
