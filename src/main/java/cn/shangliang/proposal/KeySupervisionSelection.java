package cn.shangliang.proposal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Collects the key-supervision rules that hold; rule consequences only call {@link #select}. */
public final class KeySupervisionSelection {
  private final List<SelectionReason> reasons = Collections.synchronizedList(new ArrayList<>());

  public SelectionReason select(String rule, String reason) {
    SelectionReason fact = new SelectionReason(rule, reason);
    reasons.add(fact);
    return fact;
  }

  public boolean isSelected() {
    return !reasons.isEmpty();
  }

  public List<SelectionReason> reasons() {
    return List.copyOf(reasons);
  }

  /** The reasons as forms show them, 「未入选」 when none holds. */
  public String reasonText() {
    return isSelected() ? String.join("；", reasons().stream().map(SelectionReason::reason).toList()) : "未入选";
  }
}
