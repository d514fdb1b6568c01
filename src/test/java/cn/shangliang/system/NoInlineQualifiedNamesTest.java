package cn.shangliang.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The main code names types by import and simple name, not inline as {@code cn.shangliang.sla.WorkingCalendar} or
 * {@code java.util.List} (style guide). Import and package lines, comments and string literals (JPQL needs qualified
 * enum names) are not looked at.
 */
@Tag("no-database")
class NoInlineQualifiedNamesTest {
  private static final Path MAIN = Path.of("src/main/java");
  /** A package path under a known root followed by a type name, not itself part of a longer name. */
  private static final Pattern QUALIFIED =
      Pattern.compile("(?<![\\w.$])(?:cn|java|javax|jakarta|org|com|io)(?:\\.[a-z_][a-z0-9_]*)+\\.[A-Z]\\w*");

  @Test
  void mainCodeImportsTypesInsteadOfQualifyingThemInline() throws IOException {
    List<String> found = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(MAIN)) {
      for (Path file : walk.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
        for (String hit : inlineNames(Files.readString(file))) found.add(MAIN.relativize(file) + ":" + hit);
      }
    }
    assertThat(found).as("inline qualified names; import the type and use its simple name").isEmpty();
  }

  @Test
  void looksAtCodeOnly() {
    String source = """
        package cn.shangliang.demo;

        import java.util.List;

        /** See {@link cn.shangliang.sla.WorkingCalendar}. */
        class Sample {
          // java.time.Instant in a line comment
          String jpql = "select d from Demand d where d.status <> cn.shangliang.intake.DemandStatus.HANDLED";
          String block = \"""
              java.util.Map in a text block \\\""" still inside
              \""";
          char quote = '"';
          java.time.Instant at = cn.shangliang.sla.WorkingCalendar.inChina(null).toInstant();
          List<org.camunda.bpm.engine.delegate.DelegateTask> tasks; /* javax.sql.DataSource */ Object o = java.util.Map.of();
        }
        """;
    assertThat(inlineNames(source)).containsExactly("13: java.time.Instant", "13: cn.shangliang.sla.WorkingCalendar",
        "14: org.camunda.bpm.engine.delegate.DelegateTask", "14: java.util.Map");
  }

  /** "line: name" for each inline qualified name in the code of a Java source. */
  static List<String> inlineNames(String source) {
    List<String> hits = new ArrayList<>();
    String[] lines = codeOnly(source).split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.startsWith("import ") || line.startsWith("package ")) continue;
      Matcher m = QUALIFIED.matcher(line);
      while (m.find()) hits.add((i + 1) + ": " + m.group());
    }
    return hits;
  }

  /** The source with comments and string, text-block and char literals blanked out; line breaks stay put. */
  static String codeOnly(String source) {
    StringBuilder out = new StringBuilder(source);
    int i = 0;
    while (i < source.length()) {
      int end;
      if (source.startsWith("//", i)) end = indexOrEnd(source, source.indexOf('\n', i));
      else if (source.startsWith("/*", i)) end = indexOrEnd(source, source.indexOf("*/", i + 2)) + 2;
      else if (source.startsWith("\"\"\"", i)) end = literalEnd(source, i + 3, "\"\"\"");
      else if (source.charAt(i) == '"') end = literalEnd(source, i + 1, "\"");
      else if (source.charAt(i) == '\'') end = literalEnd(source, i + 1, "'");
      else {
        i++;
        continue;
      }
      end = Math.min(end, source.length());
      for (int k = i; k < end; k++) if (out.charAt(k) != '\n') out.setCharAt(k, ' ');
      i = end;
    }
    return out.toString();
  }

  /** The index just after the closing delimiter, skipping backslash escapes. */
  private static int literalEnd(String source, int from, String delimiter) {
    int i = from;
    while (i < source.length() && !source.startsWith(delimiter, i)) i += source.charAt(i) == '\\' ? 2 : 1;
    return i + delimiter.length();
  }

  private static int indexOrEnd(String source, int index) {
    return index < 0 ? source.length() : index;
  }
}
