package cn.shangliang.scorecard;

/**
 * A measure's value while what it measures has not happened yet (no reply owed has come in or run late, nobody has
 * evaluated, the publicity period is still open): an item reading it is neither earned nor lost but pending
 * (未到评价时点), so "at most 0 late replies" is not earned before any reply exists. {@code reason} says why, in Chinese.
 */
public record NotYet(String reason) {}
