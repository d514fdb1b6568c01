package cn.shangliang.sla;

import java.time.Instant;

/** The dates of a reply clock that the working calendar decides (issue #20). */
public record ClockDates(Instant due, Instant reminder, Instant supervision, Instant keySupervision) {}
