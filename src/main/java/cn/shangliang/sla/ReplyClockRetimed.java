package cn.shangliang.sla;

/**
 * A reply clock's dates moved with a new working calendar (issue #20), published inside the transaction that
 * moved them: the module that owns the process ({@code processInstanceId}) moves its own records with it.
 */
public record ReplyClockRetimed(ReplyClock clock, String processInstanceId, ClockDates before, ClockDates after) {}
