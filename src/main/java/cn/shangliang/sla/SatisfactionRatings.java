package cn.shangliang.sla;

import java.time.Instant;
import java.util.Map;

/**
 * How satisfied people were with each department's answers. sla reports it beside the reply deadlines;
 * the module that collects the evaluations (publicity) provides it, so sla needs not know that module.
 */
public interface SatisfactionRatings {
  /**
   * Per lead department, of the evaluations answered in [from, to): {satisfied or basically satisfied, answered},
   * in total (key null) and per channel the answer came through (PUBLIC, PHONE_CALLBACK).
   */
  Map<String, Map<String, long[]>> ratingsByDepartment(Instant from, Instant to);
}
