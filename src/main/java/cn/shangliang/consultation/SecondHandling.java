package cn.shangliang.consultation;

import cn.shangliang.calendar.WorkingCalendar;
import cn.shangliang.intake.DemandRecords;
import cn.shangliang.intake.DemandStatus;
import cn.shangliang.notifications.Notifications;
import cn.shangliang.routing.DeadlineRule;
import cn.shangliang.routing.Route;
import cn.shangliang.routing.RoutingPolicy;
import cn.shangliang.rules.RulesService;
import cn.shangliang.system.ChinaTime;
import java.time.Clock;
import java.util.Date;
import org.springframework.stereotype.Service;

/**
 * 二次办理 after publicity: an upheld objection or the submitters' 不满意 sends the matter back to whoever
 * handled it (the department with a new deadline of the same rule, or the member / liaison office), and the
 * new result is published again. Only a 不满意 uses up the one second handling the public is owed.
 */
@Service
class SecondHandling {
  private final DemandRecords demands;
  private final RulesService rules;
  private final Clock clock;
  private final Notifications notifications;

  SecondHandling(DemandRecords demands, RulesService rules, Clock clock, Notifications notifications) {
    this.demands = demands;
    this.rules = rules;
    this.clock = clock;
    this.notifications = notifications;
  }

  /** The matter as the model knows it when the publicity sends it back. */
  record Matter(long demandId, String trackingCode, String title, Route route, String routeRule, String leadGroup) {}

  /** The new round, whether it used up the second handling owed after 不满意, its deadline and why it started. */
  record Started(int round, boolean usesUpSecondHandling, Date deadline, String why) {}

  /** {@code reason}: what the publicity said ({@code UNSATISFIED} or {@code OBJECTION}). */
  Started start(Matter matter, int previousRound, String reason) {
    int next = previousRound + 1;
    boolean unsatisfied = "UNSATISFIED".equals(reason);
    RoutingPolicy policy = rules.current().data(RoutingPolicy.class);
    String rule = matter.routeRule();
    DeadlineRule deadlineRule = rule == null ? policy.deadlineOf("STANDARD") : policy.deadlineOf(rule);
    WorkingCalendar calendar = rules.current().data(WorkingCalendar.class);
    Date deadline = Date.from(deadlineRule.from(clock.instant().atZone(calendar.zone()).toOffsetDateTime(), calendar).toInstant());
    String why = unsatisfied ? "群众对办理结果不满意" : "公示异议成立";
    boolean department = matter.route() == Route.DEPARTMENT;
    demands.event(matter.demandId(), "system", "SECOND_HANDLING", why + "，转二次办理，期限 "
        + ChinaTime.text(deadline.toInstant()), department ? DemandStatus.DEPARTMENT_HANDLING : DemandStatus.DECIDING);
    String group = department ? matter.leadGroup() : "liaison-office";
    notifications.toGroup(group, "RETURNED", "二次办理：" + matter.title(), why + "，请重新办理并答复。", matter.trackingCode());
    return new Started(next, unsatisfied, deadline, why);
  }
}
