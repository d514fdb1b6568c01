package cn.shangliang.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/** Latency samples in nanoseconds → the figures we report; printed and appended to target/bench/results.txt. */
final class Figures {
  private Figures() {}

  static double percentileMillis(long[] nanos, double p) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    int index = (int) Math.min(sorted.length - 1, Math.ceil(p / 100.0 * sorted.length) - 1);
    return sorted[Math.max(0, index)] / 1_000_000.0;
  }

  static void report(String line) {
    System.out.println("BENCH " + line);
    try {
      Path file = Path.of("target/bench/results.txt");
      Files.createDirectories(file.getParent());
      Files.writeString(file, java.time.OffsetDateTime.now() + " " + line + System.lineSeparator(),
          StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
