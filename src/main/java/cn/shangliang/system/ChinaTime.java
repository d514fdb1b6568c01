package cn.shangliang.system;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * The office's time zone. Kept apart from the working calendar so that modules which only show or
 * bucket moments in China time do not depend on the calendar (and the rules behind it).
 */
public final class ChinaTime {
  public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  /** How people read a moment in Chinese text, CSV and messages: 2026-12-10 20:04 (no seconds, no "T"). */
  public static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private ChinaTime() {
  }

  /** How every API shows a stored moment: China time with its offset (+08:00); null stays null. */
  public static OffsetDateTime of(Instant instant) {
    return instant == null ? null : instant.atZone(ZONE).toOffsetDateTime();
  }

  /** A moment as people read it, in China time: {@code 2026-12-10 20:04}; null gives "". */
  public static String text(Instant instant) {
    return instant == null ? "" : instant.atZone(ZONE).format(DATE_TIME);
  }

  /** The same for a moment that carries its offset (an API value): shown in China time. */
  public static String text(OffsetDateTime moment) {
    return moment == null ? "" : text(moment.toInstant());
  }
}
