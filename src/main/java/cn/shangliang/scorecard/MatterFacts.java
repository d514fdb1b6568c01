package cn.shangliang.scorecard;

import java.time.Instant;
import java.util.Map;

/**
 * A consulted matter and what its records show (measure name → a number, a yes/no or a set of codes; absent or
 * null when there is nothing to measure).
 */
public record MatterFacts(long matterId, String trackingCode, String title, String township, String village, Long platformId,
    String platformName, Instant consultedAt, Map<String, Object> measures) {}
