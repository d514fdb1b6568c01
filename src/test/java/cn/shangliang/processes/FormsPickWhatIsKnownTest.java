package cn.shangliang.processes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Issue #22 「选，不要让人输入系统已知道的」: no form field asks a person to type an account, a code or a delimited list.
 * People are picked from lists by name, units from the department list, repeated records are rows of a dynamic list.
 * Only typed inputs are looked at (textfield, textarea, not read-only); a field fails when its key, label or description
 * says it wants:
 * <ul>
 *   <li>an account — 账号/帐号/用户名/登录名/工号, or a key naming an account ({@code …UserId}, {@code …Ids},
 *   {@code username}, {@code login}, {@code account});</li>
 *   <li>a code — 代码/编码/编号/代号, a 「…号（如 2026-001）」 example, or a key ending in {@code Code}, {@code Number},
 *   {@code No};</li>
 *   <li>a delimited list — 「逗号/顿号/分号分隔」「以逗号」「用、分隔」「每行一…」「一行一…」, an example joined by an ASCII comma
 *   ({@code member1,member2}), or a line format of parts joined by ；/; ({@code 事项；负责人；完成日期}).</li>
 * </ul>
 */
@Tag("no-database")
class FormsPickWhatIsKnownTest {
  /**
   * Fields still typed while they are being converted to picks ("form path#key"); none now. Each entry must still exist
   * and still fail, so the list cannot go stale.
   */
  static final Set<String> BEING_CONVERTED = Set.of();

  static final Pattern ACCOUNT_TEXT = Pattern.compile("账号|帐号|用户名|登录名|工号");
  static final Pattern ACCOUNT_KEY = Pattern.compile("(?i)(userId|userIds|\\w+Ids|username|login|account)$");
  static final Pattern CODE_TEXT = Pattern.compile("代码|编码|编号|代号|号（如|号\\(如");
  static final Pattern CODE_KEY = Pattern.compile("(Code|Number|No)$|^(code|number)$");
  static final Pattern LIST_TEXT = Pattern.compile(
      "[逗顿分]号分隔|以[逗顿分]号|[用以][，,、；;]分隔|每行一|一行一|[A-Za-z0-9_]+\\s*,\\s*[A-Za-z0-9_]+|[^\\s；;（(]+[；;][^\\s；;]+[；;]");

  static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void noFormAsksToTypeAnAccountACodeOrAList() throws IOException {
    List<String> found = new ArrayList<>();
    for (Path form : forms()) {
      for (String violation : violations(JSON.readTree(form.toFile()))) {
        String field = form.toString().replace('\\', '/') + "#" + violation.substring(0, violation.indexOf(':'));
        if (!BEING_CONVERTED.contains(field)) found.add(form + " " + violation);
      }
    }
    assertThat(found).as("fields that make people type what the system knows (pick it instead)").isEmpty();
  }

  @Test
  void theAllowListHoldsOnlyFieldsThatStillAskToType() throws IOException {
    for (String entry : BEING_CONVERTED) {
      String[] parts = entry.split("#");
      assertThat(violations(JSON.readTree(Path.of(parts[0]).toFile())))
          .as(entry + " is converted: remove it from BEING_CONVERTED").anyMatch(v -> v.startsWith(parts[1] + ":"));
    }
  }

  /** A planted bad form: each kind of question is caught; picks, read-only fields and plain text pass. */
  @Test
  void aPlantedBadFormFails() throws IOException {
    JsonNode planted = JSON.readTree("""
        {"components": [
          {"type": "textfield", "key": "attendingMembers", "label": "参会委员（用户名，以逗号分隔）"},
          {"type": "textfield", "key": "collector", "label": "收集委员账号"},
          {"type": "textfield", "key": "reviewerUserId", "label": "审核人"},
          {"type": "textfield", "key": "unit", "label": "单位代码"},
          {"type": "textfield", "key": "mergeIntoNumber", "label": "并入提案"},
          {"type": "textarea", "key": "items", "label": "落实事项", "description": "每行一项"},
          {"type": "textarea", "key": "items2", "label": "落实事项", "description": "事项；负责人；完成日期"},
          {"type": "textfield", "key": "members", "label": "委员", "description": "如 member1,member2"},
          {"type": "textfield", "key": "names", "label": "提案人（多人用顿号分隔）"},
          {"type": "group", "components": [{"type": "textarea", "key": "nested", "label": "名单（一行一位）"}]},
          {"type": "dynamiclist", "path": "rows", "components": [{"type": "textfield", "key": "owner", "label": "负责单位编号"}]},
          {"type": "textfield", "key": "trackingCode", "label": "受理编号", "readonly": true},
          {"type": "taglist", "key": "picked", "label": "参会委员（用户名）", "valuesKey": "memberOptions"},
          {"type": "textarea", "key": "stakeholders", "label": "利益相关方", "description": "涉及的群众、单位及其诉求"},
          {"type": "textfield", "key": "submitterPhone", "label": "联系电话"},
          {"type": "textarea", "key": "supervision", "label": "督查情况（是否有领导分管、专人负责，办理是否有序推进）"}
        ]}""");
    assertThat(violations(planted)).extracting(v -> v.substring(0, v.indexOf(':'))).containsExactly("attendingMembers",
        "collector", "reviewerUserId", "unit", "mergeIntoNumber", "items", "items2", "members", "names", "nested", "owner");
  }

  static List<Path> forms() throws IOException {
    try (Stream<Path> files = Files.walk(Path.of("processes"))) {
      List<Path> forms = files.filter(p -> p.toString().endsWith(".form")).sorted().toList();
      assertThat(forms).as("the forms under processes/").isNotEmpty();
      return forms;
    }
  }

  /** "key: why" for each typed field, at any depth (groups, dynamic lists), that asks for what the system knows. */
  static List<String> violations(JsonNode form) {
    List<String> found = new ArrayList<>();
    collect(form.path("components"), found);
    return found;
  }

  private static void collect(JsonNode components, List<String> found) {
    for (JsonNode field : components) {
      String type = field.path("type").asText();
      if ((type.equals("textfield") || type.equals("textarea")) && !field.path("readonly").asBoolean(false)
          && !field.path("disabled").asBoolean(false)) {
        String why = why(field.path("key").asText(""), field.path("label").asText("") + " " + field.path("description").asText(""));
        if (why != null) found.add(field.path("key").asText("") + ": " + why);
      }
      collect(field.path("components"), found);
    }
  }

  static String why(String key, String text) {
    if (ACCOUNT_TEXT.matcher(text).find() || ACCOUNT_KEY.matcher(key).find()) return "asks for an account (pick a person by name)";
    if (CODE_TEXT.matcher(text).find() || CODE_KEY.matcher(key).find()) return "asks for a code (pick from a list)";
    if (LIST_TEXT.matcher(text).find()) return "asks for a delimited list (use a taglist or a dynamic list of rows)";
    return null;
  }
}
