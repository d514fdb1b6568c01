package cn.shangliang.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * One application process, started from the jar the build just packaged ({@code cluster.jar}) on a MariaDB/MySQL
 * database of the run's own, with the demo users and without the sample matters; its output goes to
 * {@code <log dir>/node-<name>.log}.
 */
final class AppNode {
  static final String HEAP = System.getProperty("cluster.heap", "-Xms256m -Xmx512m -XX:MaxMetaspaceSize=256m");
  static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private static final String ADMIN = "Basic " + Base64.getEncoder().encodeToString("admin:admin".getBytes(StandardCharsets.UTF_8));
  private static final String CLERK = "Basic " + Base64.getEncoder().encodeToString("clerk:clerk".getBytes(StandardCharsets.UTF_8));

  final String name;
  final int port;
  private final String jdbcUrl;
  private final long lockMillis;
  private final Path logDir;
  /** The node's rules folder, when not the repository's own {@code rules/}. */
  private Path rulesDir;
  private Process process;

  /** @param lockMillis how long the node's job locks outlive it (a dead node's jobs wait this long) */
  AppNode(String name, String jdbcUrl, long lockMillis, Path logDir) {
    this.name = name;
    this.port = freePort();
    this.jdbcUrl = jdbcUrl;
    this.lockMillis = lockMillis;
    this.logDir = logDir;
  }

  AppNode withRules(Path folder) {
    this.rulesDir = folder;
    return this;
  }

  void start() throws IOException {
    String jar = System.getProperty("cluster.jar");
    assertThat(jar).as("cluster.jar (the packaged application)").isNotNull();
    Files.createDirectories(logDir);
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(Arrays.asList(HEAP.split("\\s+")));
    command.addAll(List.of("-Duser.timezone=Asia/Shanghai", "-Dfile.encoding=UTF-8", "-jar", jar,
        "--spring.profiles.active=mysql,demo", "--shangliang.demo.sample-data=false", "--server.port=" + port,
        "--spring.datasource.url=" + jdbcUrl, "--spring.datasource.username=" + ClusterDatabase.USER,
        "--spring.datasource.password=" + ClusterDatabase.PASSWORD,
        "--camunda.bpm.job-execution.lock-time-in-millis=" + lockMillis, "--shangliang.rules-watch=false",
        "--logging.level.root=WARN", "--logging.level.cn.shangliang=INFO"));
    if (rulesDir != null) command.add("--shangliang.rules-dir=" + rulesDir.toAbsolutePath());
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log().toFile()));
    builder.environment().put("SHANGLIANG_NODE_ID", "node-" + name);
    process = builder.start();
  }

  void awaitUp(Duration limit) throws Exception {
    long deadline = System.nanoTime() + limit.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new AssertionError("node " + name + " died while starting (exit " + process.exitValue() + "); the end of "
            + log() + ":\n" + logTail(60));
      }
      try {
        HttpResponse<String> health = HTTP.send(HttpRequest.newBuilder(URI.create(url("/actuator/health")))
            .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
        if (health.statusCode() == 200) return;
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(500);
    }
    throw new AssertionError("node " + name + " not up within " + limit);
  }

  String url(String path) {
    return "http://127.0.0.1:" + port + path;
  }

  /** {@code POST /api/demands} as the demo clerk. */
  HttpRequest demandPost(byte[] json) {
    return asClerk("/api/demands").header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofByteArray(json)).build();
  }

  /** {@code POST /api/admin/rules/reload} as the demo administrator: answers when the new rules are in force. */
  HttpRequest reloadRules() {
    return HttpRequest.newBuilder(URI.create(url("/api/admin/rules/reload"))).timeout(Duration.ofMinutes(5))
        .header("Authorization", ADMIN).POST(HttpRequest.BodyPublishers.noBody()).build();
  }

  /** {@code GET} as the demo clerk. */
  HttpRequest get(String path) {
    return asClerk(path).GET().build();
  }

  private HttpRequest.Builder asClerk(String path) {
    return HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofSeconds(60)).header("Authorization", CLERK);
  }

  Path log() {
    return logDir.resolve("node-" + name + ".log");
  }

  /** The last lines of the node's log (its start-up failure), for the test report. */
  String logTail(int lines) {
    try {
      List<String> all = Files.readAllLines(log(), StandardCharsets.UTF_8);
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException | UncheckedIOException e) {
      return "(unreadable: " + e + ")";
    }
  }

  void kill() {
    if (process != null && process.isAlive()) {
      process.destroyForcibly();
      waitFor();
    }
  }

  void stopGracefully() {
    if (process != null && process.isAlive()) {
      process.destroy(); // SIGTERM: Tomcat finishes the requests in flight (server.shutdown: graceful)
      waitFor();
    }
  }

  private void waitFor() {
    try {
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  long residentKb() {
    Process p = process;
    if (p == null || !p.isAlive()) return 0;
    try {
      for (String line : Files.readAllLines(Path.of("/proc", Long.toString(p.pid()), "status"))) {
        if (line.startsWith("VmRSS:")) return Long.parseLong(line.replaceAll("\\D", ""));
      }
    } catch (IOException | RuntimeException gone) {
      // the process ended between the check and the read
    }
    return 0;
  }

  /**
   * A free port below the kernel's ephemeral range (32768 and up on Linux): a port from that range, free
   * while its node is down, can be taken meanwhile as the local end of an outgoing connection (a pool's
   * new connection to the database), and the node restarting on it would fail to bind.
   */
  static int freePort() {
    for (int attempt = 0; attempt < 100; attempt++) {
      int port = 20_000 + ThreadLocalRandom.current().nextInt(12_000);
      try (ServerSocket socket = new ServerSocket()) {
        socket.bind(new InetSocketAddress(port));
        return port;
      } catch (IOException taken) {
        // try another
      }
    }
    throw new IllegalStateException("no free port between 20000 and 32000");
  }
}
