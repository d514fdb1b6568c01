package cn.shangliang.sla;

import java.time.Instant;

/** A due date counted as {@code workingDays} working days from {@code from}: what a new calendar counts again. */
public record DeadlineBasis(Instant from, int workingDays) {}
