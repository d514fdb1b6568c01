package cn.shangliang.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.OffsetDateTime;

/**
 * The figures of a run on packaged nodes: printed as lines starting with the run's name in capitals
 * (CLUSTER, DRILL) and appended to target/bench/results.txt with the date.
 */
final class RunReport {
  private static final Path RESULTS = Path.of("target/bench/results.txt");
  private final String run;

  RunReport(String run) {
    this.run = run;
  }

  void line(String format, Object... args) {
    String line = String.format(format, args);
    System.out.println(run.toUpperCase() + " " + line);
    try {
      Files.createDirectories(RESULTS.getParent());
      Files.writeString(RESULTS, OffsetDateTime.now() + " " + run + " " + line + System.lineSeparator(),
          StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
