package cn.shangliang.rules;

import cn.shangliang.system.DesignerFolder;
import cn.shangliang.system.ShangliangProperties;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * The rules in force. Compiled from {@code rules/} at start-up (a broken folder stops the start with
 * the compiler's messages) and again on {@link #reload()} or when a file in the folder changes: a new
 * {@link RuleBase} replaces the old one atomically, and a broken change is refused while the running
 * rules stay in force.
 */
@Service
public class RulesService {
  private static final Logger log = LoggerFactory.getLogger(RulesService.class);

  private final DesignerFolder folder;
  private final RuleBaseLoader loader;
  private final AtomicReference<RuleBase> current = new AtomicReference<>();
  private final AtomicReference<RulesRefusal> lastRefusal = new AtomicReference<>();
  private final Clock clock;
  private final ApplicationEventPublisher events;
  private volatile WatchService watchService;

  public RulesService(ShangliangProperties properties, List<RuleData<?>> dataKinds, Clock clock,
      ApplicationEventPublisher events) {
    this.events = events;
    this.clock = clock;
    this.folder = new DesignerFolder(Path.of(properties.rulesDir()), "rules");
    this.loader = new RuleBaseLoader(dataKinds, clock);
    RuleBase first = loader.load(folder);
    current.set(first);
    log.info("Rules loaded from {}: {} files, checksum {}", first.source(), first.files().size(), first.checksum());
    if (properties.rulesWatch() && folder.onDisk()) {
      startWatching();
    }
  }

  public RuleBase current() {
    return current.get();
  }

  /** The last refused change of {@code rules/}, until a reload succeeds: what designers look at after an edit. */
  public Optional<RulesRefusal> lastRefusal() {
    return Optional.ofNullable(lastRefusal.get());
  }

  /**
   * Recompiles {@code rules/}; on error records the refusal, throws {@link RuleCompilationException} and
   * keeps the rules in force.
   */
  public synchronized RuleBase reload() {
    RuleBase next;
    try {
      next = loader.load(folder);
    } catch (RuleCompilationException e) {
      RulesRefusal refusal = RulesRefusal.of(e, current.get(), clock.instant());
      lastRefusal.set(refusal);
      log.warn("Rules change refused (changed: {}), the rules in force stay (checksum {}): {}", refusal.changedFiles(),
          refusal.stillInForce(), e.messages());
      throw e;
    }
    lastRefusal.set(null);
    RuleBase previous = current.getAndSet(next);
    if (!previous.checksum().equals(next.checksum())) {
      log.info("Rules reloaded from {}: checksum {} -> {}", next.source(), previous.checksum(), next.checksum());
      events.publishEvent(new RulesReloaded(previous, next));
    }
    return next;
  }

  private void startWatching() {
    try {
      watchService = FileSystems.getDefault().newWatchService();
      registerAll(folder.directory());
    } catch (IOException e) {
      log.warn("Cannot watch {} for changes; use POST /api/admin/rules/reload", folder.directory(), e);
      return;
    }
    Thread watcher = new Thread(this::watchLoop, "rules-watcher");
    watcher.setDaemon(true);
    watcher.start();
  }

  private void registerAll(Path root) throws IOException {
    Files.walkFileTree(root, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
        dir.register(watchService, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
            StandardWatchEventKinds.ENTRY_DELETE);
        return FileVisitResult.CONTINUE;
      }
    });
  }

  private void watchLoop() {
    try {
      while (true) {
        WatchKey key = watchService.take();
        // Editors write a file in several steps: wait for the folder to settle, then compile once.
        do {
          key.pollEvents();
          key.reset();
          key = watchService.poll(500, TimeUnit.MILLISECONDS);
        } while (key != null);
        try {
          registerAll(folder.directory());
          reload();
        } catch (RuleCompilationException refused) {
          // logged in reload()
        } catch (RuntimeException | IOException e) {
          log.warn("Reloading rules after a change failed", e);
        }
      }
    } catch (InterruptedException | ClosedWatchServiceException e) {
      Thread.currentThread().interrupt();
    }
  }

  @PreDestroy
  void stopWatching() throws IOException {
    if (watchService != null) watchService.close();
  }
}
