package cn.shangliang.processes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.context.annotation.Bean;

/**
 * Each model's Java side is in one place (issue #21): the model {@code processes/<folder>/<Name>Process.bpmn} has its glue
 * class {@code cn.shangliang.<folder>.<Name>Glue} next to its constants class {@code <Name>Process}, and that class
 * defines every bean the model names (a bean several models name is defined once, in one of their glue classes) and
 * nothing else. Process variables are named only in the glue, the typed accessors
 * ({@code *Variables}) and the constants ({@code *Process}); everywhere else reads and writes through the accessors.
 */
@Tag("no-database")
class ProcessGlueTest {

  /**
   * Models whose glue is being gathered on other branches (glue-proposal: ProposalProcess, FollowUpReviewProcess;
   * replyclock: DepartmentReplyProcess). Only these may still lack their glue class: the lead empties this set when
   * merging those branches.
   */
  static final Set<String> GLUE_NOT_YET_GATHERED = Set.of();

  /** Packages whose variables are being moved behind accessors on those branches; the lead empties this set when merging. */
  static final Set<String> LITERAL_VARIABLES_NOT_YET_MOVED = Set.of();

  /**
   * Platform code that reads variables every model shares (task cards, step records, the due-soon list), not one model's:
   * left as it is in this change; each entry says which names it reads.
   */
  static final Set<String> PLATFORM_READERS = Set.of(
      "inbox/TaskCards.java", // demandId, trackingCode, demandTitle, proposalTitle; writes taskDeadline, taskHistory
      "inbox/StepRecords.java", // demandId
      "sla/SlaSummaries.java"); // trackingCode, demandTitle, leadDepartment, through TaskService

  static final Path SOURCES = Path.of("src", "main", "java", "cn", "shangliang");

  static Stream<Path> models() throws IOException {
    return ProcessModelsTest.models();
  }

  static String processId(Path model) {
    return Bpmn.readModelFromFile(model.toFile()).getModelElementsByType(Process.class).iterator().next().getId();
  }

  /** {@code processes/publicity/PublicityProcess.bpmn} → {@code cn.shangliang.publicity.PublicityGlue}. */
  static String glueClass(Path model) {
    String folder = model.getParent().getFileName().toString();
    return "cn.shangliang." + folder + "." + processId(model).replaceAll("Process$", "") + "Glue";
  }

  static Set<String> beansOf(Class<?> glue) {
    Set<String> beans = new TreeSet<>();
    List<Class<?>> holders = new ArrayList<>(List.of(glue));
    holders.addAll(List.of(glue.getDeclaredClasses()));
    for (Class<?> holder : holders) {
      for (Method method : holder.getDeclaredMethods()) {
        Bean bean = method.getAnnotation(Bean.class);
        if (bean == null) continue;
        String[] names = bean.name().length > 0 ? bean.name() : bean.value();
        beans.addAll(names.length > 0 ? List.of(names) : List.of(method.getName()));
      }
    }
    return beans;
  }

  static Set<String> beansNamedBy(Path model) {
    return ProcessVariablesDocTest.uses(Bpmn.readModelFromFile(model.toFile())).beans().keySet();
  }

  /** The glue class of a model, if it has one yet. */
  static Class<?> glueOf(Path model) {
    try {
      return Class.forName(glueClass(model));
    } catch (ClassNotFoundException e) {
      return null;
    }
  }

  /**
   * Every bean the model names is in its glue class — or, for a bean several models name (one bean, one definition),
   * in the glue class of another model that names it; and the glue class defines nothing the model does not name.
   */
  @ParameterizedTest
  @MethodSource("models")
  void theModelsGlueClassDefinesTheBeansTheModelNames_andNoOther(Path model) throws Exception {
    String id = processId(model);
    Class<?> glue = glueOf(model);
    if (glue == null) {
      assertThat(GLUE_NOT_YET_GATHERED).as(model + " has no glue class " + glueClass(model)).contains(id);
      return;
    }
    assertThat(GLUE_NOT_YET_GATHERED).as(id + " has its glue now: take it out of GLUE_NOT_YET_GATHERED").doesNotContain(id);
    assertThat(Class.forName(glue.getPackageName() + "." + id)).as("the constants class next to the glue").isNotNull();
    Set<String> named = beansNamedBy(model);
    Set<String> defined = beansOf(glue);
    assertThat(named).as(model + " names beans").isNotEmpty();
    assertThat(named).as(glue.getSimpleName() + " defines only beans " + model + " names").containsAll(defined);
    Set<String> elsewhere = new TreeSet<>(named);
    elsewhere.removeAll(defined);
    models().filter(other -> !other.equals(model)).forEach(other -> {
      Class<?> otherGlue = glueOf(other);
      if (otherGlue != null) elsewhere.removeIf(bean -> beansNamedBy(other).contains(bean) && beansOf(otherGlue).contains(bean));
    });
    assertThat(elsewhere).as("beans " + model + " names that neither " + glue.getSimpleName()
        + " nor the glue of another model naming them defines").isEmpty();
  }

  /** get/setVariable(Local)(s) with a name written out: a string literal, or a constant of a model ({@code Var.X}, {@code VAR_X}). */
  static final Pattern CALL = Pattern.compile("\\b(?:get|set)Variables?(?:Local)?\\s*\\(");
  static final Pattern NAMED = Pattern.compile("\"|\\bVar\\.[A-Z_]+|\\bVAR_[A-Z_]+");

  static boolean allowedToNameVariables(Path file) {
    String name = file.getFileName().toString();
    return name.endsWith("Glue.java") || name.endsWith("Variables.java") || name.endsWith("Process.java");
  }

  /** The call's arguments, up to its closing parenthesis. */
  static String arguments(String source, int open) {
    int depth = 1;
    int i = open;
    while (i < source.length() && depth > 0) {
      char c = source.charAt(i);
      if (c == '"') {
        do {
          i++; // to the closing quote, past escaped ones: a string's parentheses are not the call's
        } while (i < source.length() && (source.charAt(i) != '"' || source.charAt(i - 1) == '\\'));
      } else if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth--;
      }
      i++;
    }
    return source.substring(open, Math.max(open, i - 1));
  }

  static List<String> variablesNamedOutsideTheGlue() throws IOException {
    List<String> found = new ArrayList<>();
    try (Stream<Path> files = Files.walk(SOURCES)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
        String relative = SOURCES.relativize(file).toString().replace('\\', '/');
        if (allowedToNameVariables(file) || PLATFORM_READERS.contains(relative)
            || relative.contains("/") && LITERAL_VARIABLES_NOT_YET_MOVED.contains(relative.substring(0, relative.indexOf('/')))) {
          continue;
        }
        String source = read(file);
        Matcher call = CALL.matcher(source);
        while (call.find()) {
          String arguments = arguments(source, call.end());
          if (NAMED.matcher(arguments).find()) {
            int line = source.substring(0, call.start()).split("\n", -1).length;
            found.add(relative + ":" + line + " " + call.group() + arguments + ")");
          }
        }
      }
    }
    return found;
  }

  static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void variablesAreNamedOnlyInTheGlueTheAccessorsAndTheConstants() throws IOException {
    assertThat(variablesNamedOutsideTheGlue()).as("read and write through the model's *Variables accessors").isEmpty();
  }

  @Test
  void theScanFindsNamesWrittenOut() {
    assertThat(NAMED.matcher(arguments("task.getVariable(\"demandId\");", 17)).find()).isTrue();
    assertThat(NAMED.matcher(arguments("taskService.getVariable(t.getId(), Var.ROUTE))", 24)).find()).isTrue();
    assertThat(NAMED.matcher(arguments("scope.getVariable(name);", 18)).find()).isFalse();
    assertThat(NAMED.matcher(arguments("instance.getVariables().get(Var.ROUTE)", 22)).find()).isFalse();
  }

  @Test
  void theLeadsListsOnlyNameWhatIsStillThere() throws IOException {
    for (String pkg : LITERAL_VARIABLES_NOT_YET_MOVED) assertThat(SOURCES.resolve(pkg)).isDirectory();
    for (String file : PLATFORM_READERS) assertThat(SOURCES.resolve(file)).isRegularFile();
    Set<String> ids = new TreeSet<>();
    models().forEach(model -> ids.add(processId(model)));
    assertThat(ids).containsAll(GLUE_NOT_YET_GATHERED);
  }
}
