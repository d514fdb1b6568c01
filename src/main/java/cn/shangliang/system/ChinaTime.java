package cn.shangliang.system;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/**
 * The office's time zone. Kept apart from the working calendar so that modules which only show or
 * bucket moments in China time do not depend on the calendar (and the rules behind it).
 */
public final class ChinaTime {
  public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  private ChinaTime() {
  }

  /** How every API shows a stored moment: China time with its offset (+08:00); null stays null. */
  public static OffsetDateTime of(Instant instant) {
    return instant == null ? null : instant.atZone(ZONE).toOffsetDateTime();
  }
}
