package cn.shangliang.routing;

/**
 * How the routed deadline runs, for the processes to read instead of the rule's id: the rule data
 * ({@code rules/routing/routing-policy.yaml}) decides, so renaming or adding a rule changes nothing in the models.
 */
public enum ClockKind {
  /** N working days on the official calendar: a new holiday notice counts it again. */
  WORKING_DAYS,
  /** Calendar hours, day and night (the 24-hour emergency): reminders share wall-clock time. */
  CALENDAR_HOURS,
  /** The end of the same day (on-site answers). */
  END_OF_DAY;

  public static ClockKind of(DeadlineRule rule) {
    if (rule.workingDays() != null) return WORKING_DAYS;
    return rule.hours() != null ? CALENDAR_HOURS : END_OF_DAY;
  }
}
