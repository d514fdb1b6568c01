package cn.shangliang.system;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Abuse limit for public writes (submissions, objections, evaluations): per client address, a bucket of
 * {@code shangliang.public.writes-per-minute} (default 10) refilled over a minute. Every attempt counts,
 * valid or not. Per node: two nodes behind a balancer allow twice the rate at most.
 */
@Component
public class PublicRateLimiter {
  /** How the OpenAPI description explains this limit's 429 on each public write. */
  public static final String TOO_MANY = "来自该地址的公众写操作过于频繁：按 Retry-After 稍后再试";
  private static final int MAX_ADDRESSES = 100_000;

  private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
  private final int perMinute;

  PublicRateLimiter(@Value("${shangliang.public.writes-per-minute:10}") int perMinute) {
    this.perMinute = perMinute;
  }

  /** Takes one write from the address's allowance, or throws {@link TooManyRequestsException}. */
  public void consume(String address) {
    consume(address, perMinute);
  }

  /** Takes one write from a subject's own allowance of {@code perMinute} (e.g. an Open311 client's API key). */
  public void consume(String subject, int perMinute) {
    if (buckets.size() > MAX_ADDRESSES) buckets.clear(); // a flood of addresses: start over rather than grow
    Bucket bucket = buckets.computeIfAbsent(subject + "|" + perMinute, a -> Bucket.builder()
        .addLimit(Bandwidth.builder().capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)).build()).build());
    ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
    if (!probe.isConsumed()) {
      throw new TooManyRequestsException(Math.max(1, Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds()));
    }
  }

  /** For tests: forget every address. */
  public void reset() {
    buckets.clear();
  }
}
