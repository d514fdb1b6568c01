package cn.shangliang.support;

import java.time.OffsetDateTime;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/** The engine's clock (and with it the application's) set to a moment, e.g. {@code at("2026-09-30T20:00:00+08:00")}. */
public final class TestClock {
  private TestClock() {}

  public static void at(String moment) {
    ClockUtil.setCurrentTime(Date.from(OffsetDateTime.parse(moment).toInstant()));
  }
}
