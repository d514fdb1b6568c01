package cn.shangliang.sla;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Deadlines, reminders and breaches of department replies (DOMAIN.md §5), on the official calendar:
 * the reminder when 75 % of the allotted time has passed (working time; calendar time for the 24-hour
 * emergency clock), the breach at the deadline with supervision due 2 working days later, level 2
 * when supervision is due and the reply is still missing. A reply closes the open breaches (how late
 * stays on record).
 */
@Service
public class ReplyClocks {
  public static final double REMINDER_SHARE = 0.75;
  public static final int SUPERVISION_WORKING_DAYS = 2;

  private final ReplyClockRepository clocks;
  private final SlaBreachRepository breaches;
  private final CalendarService calendars;
  private final Clock clock;

  ReplyClocks(ReplyClockRepository clocks, SlaBreachRepository breaches, CalendarService calendars, Clock clock) {
    this.clocks = clocks;
    this.breaches = breaches;
    this.calendars = calendars;
    this.clock = clock;
  }

  /** @param calendarTime true for a clock counted in calendar hours (EMERGENCY), false for working time */
  @Transactional
  public ReplyClock start(long demandId, String trackingCode, String department, Instant due, boolean calendarTime) {
    WorkingCalendar calendar = calendars.calendar();
    OffsetDateTime now = clock.instant().atZone(calendar.zone()).toOffsetDateTime();
    OffsetDateTime deadline = due.atZone(calendar.zone()).toOffsetDateTime();
    OffsetDateTime reminder = calendarTime
        ? now.plusSeconds(Math.round(java.time.Duration.between(now, deadline).getSeconds() * REMINDER_SHARE))
        : calendar.shareOfWorkingTime(now, deadline, REMINDER_SHARE);
    if (reminder.isBefore(now)) reminder = now;
    OffsetDateTime supervision = calendar.addWorkingDays(deadline, SUPERVISION_WORKING_DAYS);
    OffsetDateTime keySupervision = calendar.addWorkingDays(supervision, SUPERVISION_WORKING_DAYS);
    return clocks.save(new ReplyClock(demandId, trackingCode, department, now.toInstant(), due, reminder.toInstant(),
        supervision.toInstant(), keySupervision.toInstant()));
  }

  @Transactional
  public ReplyClock remind(long clockId) {
    ReplyClock replyClock = clock(clockId);
    replyClock.reminded(clock.instant());
    return replyClock;
  }

  @Transactional
  public SlaBreach breach(long clockId, String task) {
    return breaches.save(new SlaBreach(clock(clockId), task, clock.instant()));
  }

  @Transactional
  public List<SlaBreach> escalate(long clockId) {
    List<SlaBreach> open = breaches.findByClockIdAndClosedAtIsNull(clockId);
    open.forEach(b -> b.escalate(clock.instant()));
    return open;
  }

  @Transactional
  public void supervised(long clockId, String action, String note, String actor) {
    breaches.findByClockIdAndClosedAtIsNull(clockId).forEach(b -> b.supervised(action, note, actor, clock.instant()));
  }

  /** The reply arrived: the clock records it and every open breach of it closes. */
  @Transactional
  public List<SlaBreach> replied(long clockId) {
    Instant now = clock.instant();
    clock(clockId).replied(now);
    List<SlaBreach> open = breaches.findByClockIdAndClosedAtIsNull(clockId);
    open.forEach(b -> b.close(now));
    return open;
  }

  @Transactional
  public void accepted(long clockId, boolean resolved) {
    clock(clockId).accepted(clock.instant(), resolved);
  }

  @Transactional(readOnly = true)
  public ReplyClock clock(long clockId) {
    return clocks.findById(clockId).orElseThrow(() -> new IllegalStateException("reply clock " + clockId));
  }

  @Transactional(readOnly = true)
  public List<SlaBreach> breachesOf(long demandId) {
    return breaches.findByDemandIdOrderByBreachedAtAsc(demandId);
  }
}
