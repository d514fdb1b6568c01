package cn.shangliang.rules;

import cn.shangliang.system.DesignerFolder;
import com.fasterxml.jackson.core.JacksonException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.builder.model.KieBaseModel;
import org.kie.api.builder.model.KieModuleModel;
import org.kie.api.builder.model.KieSessionModel;
import org.kie.api.conf.EventProcessingOption;
import org.kie.api.runtime.KieContainer;

/**
 * Compiles a {@link DesignerFolder} of rules into a {@link RuleBase}: every top-level folder holding
 * {@code .drl} files becomes a KieBase of the same name (its DRL package), and every {@link RuleData}
 * parses the files it accepts. Any error refuses the whole folder, with messages naming file and line.
 */
public final class RuleBaseLoader {

  private static final Pattern FILE_NAMED_FIRST = Pattern.compile("([\\w./-]+\\.(?:ya?ml|drl))[: ]");
  private static final ReleaseId RELEASE = KieServices.Factory.get().newReleaseId("cn.shangliang", "rules", "1.0.0");

  private final List<RuleData<?>> dataKinds;
  private final Clock clock;

  public RuleBaseLoader(List<RuleData<?>> dataKinds, Clock clock) {
    this.dataKinds = orderByDependencies(dataKinds);
    this.clock = clock;
  }

  public RuleBase load(DesignerFolder folder) {
    List<DesignerFolder.File> files = folder.files();
    List<RuleProblem> errors = new ArrayList<>();
    Map<String, KieBase> kieBases = compile(files, errors);
    Map<Class<?>, Object> data = parseData(files, errors);
    List<RuleBase.RuleFile> read = new ArrayList<>();
    MessageDigest all = sha256();
    for (DesignerFolder.File file : files) {
      read.add(new RuleBase.RuleFile(file.path(), hex(sha256().digest(file.content())), file.content().length));
      all.update(file.path().getBytes(StandardCharsets.UTF_8));
      all.update(file.content());
    }
    if (!errors.isEmpty()) {
      throw new RuleCompilationException(errors, read);
    }
    return new RuleBase(kieBases, data, read, hex(all.digest()), clock.instant(), folder.describe());
  }

  private static synchronized Map<String, KieBase> compile(List<DesignerFolder.File> files, List<RuleProblem> errors) {
    KieServices kieServices = KieServices.Factory.get();
    KieFileSystem kfs = kieServices.newKieFileSystem();
    KieModuleModel module = kieServices.newKieModuleModel();
    Map<String, List<String>> drlByFolder = new TreeMap<>();
    for (DesignerFolder.File file : files) {
      if (!file.path().endsWith(".drl")) continue;
      int slash = file.path().indexOf('/');
      if (slash < 0) {
        errors.add(new RuleProblem(file.path(), null,
            file.path() + ": a rule file belongs in a folder named after its package, e.g. routing/"));
        continue;
      }
      drlByFolder.computeIfAbsent(file.path().substring(0, slash), k -> new ArrayList<>()).add(file.path());
      kfs.write("src/main/resources/" + file.path(), file.content());
    }
    if (drlByFolder.isEmpty()) return Map.of();
    for (String folder : drlByFolder.keySet()) {
      KieBaseModel base = module.newKieBaseModel(folder).addPackage(folder).addPackage(folder + ".*")
          .setEventProcessingMode(EventProcessingOption.CLOUD);
      base.newKieSessionModel(folder + "-stateless").setType(KieSessionModel.KieSessionType.STATELESS);
    }
    kfs.generateAndWritePomXML(RELEASE);
    kfs.writeKModuleXML(module.toXML());
    KieBuilder builder = kieServices.newKieBuilder(kfs).buildAll();
    for (Message message : builder.getResults().getMessages(Message.Level.ERROR)) {
      String path = message.getPath() == null ? "" : message.getPath().replaceFirst("^src/main/resources/", "");
      Integer line = message.getLine() > 0 ? message.getLine() : null;
      errors.add(new RuleProblem(path.isEmpty() ? null : path, line,
          path + (line != null ? ":" + line : "") + ": " + message.getText().strip()));
    }
    if (!errors.isEmpty()) return Map.of();
    KieContainer container = kieServices.newKieContainer(builder.getKieModule().getReleaseId());
    Map<String, KieBase> kieBases = new LinkedHashMap<>();
    for (String folder : drlByFolder.keySet()) {
      kieBases.put(folder, container.getKieBase(folder));
    }
    return kieBases;
  }

  private Map<Class<?>, Object> parseData(List<DesignerFolder.File> files, List<RuleProblem> errors) {
    Map<Class<?>, Object> parsed = new LinkedHashMap<>();
    RuleBase.Partial partial = new RuleBase.Partial() {
      @Override
      public <T> T data(Class<T> type) {
        Object value = parsed.get(type);
        if (value == null) throw new IllegalArgumentException(type.getSimpleName() + " is missing or broken");
        return type.cast(value);
      }
    };
    for (RuleData<?> kind : dataKinds) {
      Map<String, byte[]> accepted = new TreeMap<>();
      for (DesignerFolder.File file : files) {
        if (kind.accepts(file.path())) accepted.put(file.path(), file.content());
      }
      try {
        parsed.put(kind.type(), kind.parse(accepted, partial));
      } catch (RuntimeException e) {
        errors.add(dataProblem(e));
      }
    }
    return parsed;
  }

  /** Data parsers name the file first (RuleData's contract); the YAML parser underneath knows the line. */
  private static RuleProblem dataProblem(RuntimeException e) {
    String message = e.getMessage() == null ? e.toString() : e.getMessage();
    Matcher named = FILE_NAMED_FIRST.matcher(message);
    Integer line = null;
    for (Throwable cause = e; cause != null && line == null; cause = cause.getCause()) {
      if (cause instanceof JacksonException parse && parse.getLocation() != null && parse.getLocation().getLineNr() > 0) {
        line = parse.getLocation().getLineNr();
      }
    }
    return new RuleProblem(named.lookingAt() ? named.group(1) : null, line, message);
  }

  private static List<RuleData<?>> orderByDependencies(List<RuleData<?>> kinds) {
    List<RuleData<?>> ordered = new ArrayList<>();
    List<RuleData<?>> pending = new ArrayList<>(kinds);
    while (!pending.isEmpty()) {
      boolean progressed = pending.removeIf(kind -> {
        boolean ready = kind.dependsOn().stream().allMatch(dep -> ordered.stream().anyMatch(k -> k.type().equals(dep)));
        if (ready) ordered.add(kind);
        return ready;
      });
      if (!progressed) throw new IllegalStateException("rule data depends on something nobody provides: " + pending);
    }
    return ordered;
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }
}
