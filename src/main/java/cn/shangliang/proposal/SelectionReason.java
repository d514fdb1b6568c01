package cn.shangliang.proposal;

/** A key-supervision rule that holds for the candidate: its id and the reason in words. */
public record SelectionReason(String rule, String reason) {}
