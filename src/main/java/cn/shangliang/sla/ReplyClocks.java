package cn.shangliang.sla;

import cn.shangliang.calendar.CalendarService;
import cn.shangliang.calendar.WorkingCalendar;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
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
  private final SlaDaily daily;

  ReplyClocks(ReplyClockRepository clocks, SlaBreachRepository breaches, CalendarService calendars, Clock clock, SlaDaily daily) {
    this.daily = daily;
    this.clocks = clocks;
    this.breaches = breaches;
    this.calendars = calendars;
    this.clock = clock;
  }

  /**
   * @param calendarTime true for a clock counted in calendar hours (EMERGENCY), false for working time
   * @param basis how {@code due} was counted, when in working days: a new calendar counts it again (issue #20)
   */
  @Transactional
  public ReplyClock start(long demandId, String trackingCode, String department, Instant due, boolean calendarTime,
      Optional<DeadlineBasis> basis) {
    WorkingCalendar calendar = calendars.calendar();
    Instant now = clock.instant();
    Instant reminder = calendarTime
        ? now.plusSeconds(Math.round(Duration.between(now, due).getSeconds() * REMINDER_SHARE))
        : reminder(calendar, now, due);
    if (reminder.isBefore(now)) reminder = now;
    ClockDates dates = withSupervision(calendar, due, reminder);
    ReplyClock started = new ReplyClock(demandId, trackingCode, department, now, due, dates.reminder(),
        dates.supervision(), dates.keySupervision());
    basis.ifPresent(started::countedFrom);
    ReplyClock saved = clocks.save(started);
    daily.recount(department, due);
    return saved;
  }

  private static Instant reminder(WorkingCalendar calendar, Instant start, Instant due) {
    return calendar.shareOfWorkingTime(start.atZone(calendar.zone()).toOffsetDateTime(),
        due.atZone(calendar.zone()).toOffsetDateTime(), REMINDER_SHARE).toInstant();
  }

  private static ClockDates withSupervision(WorkingCalendar calendar, Instant due, Instant reminder) {
    OffsetDateTime supervision = calendar.addWorkingDays(due.atZone(calendar.zone()).toOffsetDateTime(), SUPERVISION_WORKING_DAYS);
    OffsetDateTime keySupervision = calendar.addWorkingDays(supervision, SUPERVISION_WORKING_DAYS);
    return new ClockDates(due, reminder, supervision.toInstant(), keySupervision.toInstant());
  }

  /**
   * The clock's dates counted again on {@code calendar} from the same start with the same rule, under a row
   * lock so that two nodes reloading the same notice move it once. A date already passed stays (its timer
   * fired: a breach that fired stays fired); the due date moves only when it was counted on the calendar,
   * the reminder only with it. Empty when nothing moves.
   */
  @Transactional
  public Optional<Retimed> retime(long clockId, WorkingCalendar calendar) {
    ReplyClock replyClock = clocks.lockById(clockId).orElseThrow(() -> new IllegalStateException("reply clock " + clockId));
    Instant now = clock.instant();
    ClockDates before = replyClock.dates();
    Instant due = replyClock.basis().filter(b -> before.due().isAfter(now)).map(b -> b.count(calendar)).orElse(before.due());
    Instant reminder = replyClock.getRemindedAt() == null && replyClock.basis().isPresent() && before.reminder().isAfter(now)
        ? max(reminder(calendar, replyClock.getStartedAt(), due), now) : before.reminder();
    ClockDates counted = withSupervision(calendar, due, reminder);
    ClockDates after = new ClockDates(due, reminder,
        before.supervision().isAfter(now) ? counted.supervision() : before.supervision(),
        before.keySupervision().isAfter(now) ? counted.keySupervision() : before.keySupervision());
    if (after.equals(before)) return Optional.empty();
    replyClock.retime(after);
    daily.recount(replyClock.getDepartment(), before.due(), after.due());
    return Optional.of(new Retimed(replyClock, before, after));
  }

  /** A clock whose dates moved: the clock (with its new dates), its dates before and after. */
  public record Retimed(ReplyClock clock, ClockDates before, ClockDates after) {}

  private static Instant max(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  /** Clocks whose reply is not accepted yet: the ones a new calendar may move. */
  @Transactional(readOnly = true)
  public List<OpenClock> openClocks() {
    return clocks.openClocks();
  }

  /** An open clock and the tracking code its processes carry as business key. */
  public record OpenClock(long id, String trackingCode) {}

  @Transactional
  public ReplyClock remind(long clockId) {
    ReplyClock replyClock = clock(clockId);
    replyClock.reminded(clock.instant());
    return replyClock;
  }

  @Transactional
  public SlaBreach breach(long clockId, String task) {
    SlaBreach breach = breaches.save(new SlaBreach(clock(clockId), task, clock.instant()));
    daily.recount(breach.getDepartment(), breach.getBreachedAt());
    return breach;
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
    ReplyClock replied = clock(clockId);
    replied.replied(now);
    daily.recount(replied.getDepartment(), replied.getDueAt());
    List<SlaBreach> open = breaches.findByClockIdAndClosedAtIsNull(clockId);
    open.forEach(b -> b.close(now));
    return open;
  }

  @Transactional
  public void accepted(long clockId, boolean resolved) {
    ReplyClock accepted = clock(clockId);
    accepted.accepted(clock.instant(), resolved);
    daily.recount(accepted.getDepartment(), accepted.getDueAt());
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
