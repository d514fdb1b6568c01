package cn.shangliang.consultation;

import cn.shangliang.organisation.Departments;
import cn.shangliang.organisation.Groups;
import cn.shangliang.organisation.People;
import cn.shangliang.rules.RulesService;
import cn.shangliang.system.InvalidRequestException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.BadUserRequestException;
import org.springframework.stereotype.Service;

/**
 * What the consultation forms offer to pick (members by name, handling units) and how the picks come back. Tasklist
 * sends a taglist as a JSON array of accounts and a dynamic list as a JSON array of rows; API clients and tasks
 * opened before the forms changed may still send the old text (「member1,member2」, lines of 「事项；负责人；完成日期」,
 * lines of 「称呼，身份」), which is read as before. Every pick is checked against what was offered: a made-up
 * account or unit refuses the form with a Chinese message and changes nothing.
 */
@Service
public class FormPicks {
  /** The owner of an action item that is not a department: the village's own committee. */
  static final String VILLAGE_COMMITTEE = "village-committee";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final People people;
  private final RulesService rules;

  FormPicks(People people, RulesService rules) {
    this.people = people;
    this.rules = rules;
  }

  /** The members, by name: 参会委员. */
  public List<Map<String, String>> memberOptions() {
    return people.options(Groups.MEMBER);
  }

  /** Who can own an action item: the handling units of the rules in force and the village committee. */
  public List<Map<String, String>> ownerOptions() {
    List<Map<String, String>> options = new ArrayList<>();
    departments().names().forEach((code, name) -> options.add(Map.of("label", name, "value", code)));
    options.add(Map.of("label", ParticipantKind.VILLAGE_COMMITTEE.label(), "value", VILLAGE_COMMITTEE));
    return options;
  }

  /** 参会委员: picked accounts (a JSON array) or the old 「member1,member2」; each must be a member. */
  public List<String> attendingMembers(Object value) {
    List<String> ids = new ArrayList<>();
    JsonNode rows = rows(value, "参会委员");
    if (rows != null) {
      rows.forEach(row -> ids.add(row.isObject() ? row.path("value").asText("") : row.asText("")));
    } else if (value != null) {
      ids.addAll(Arrays.asList(value.toString().split("[,，、\\s]+")));
    }
    List<String> distinct = ids.stream().map(String::strip).filter(id -> !id.isEmpty()).distinct().toList();
    for (String id : distinct) {
      if (!people.isIn(id, Groups.MEMBER)) throw new BadUserRequestException("参会委员中「" + id + "」不是政协委员，请从名单中选择");
    }
    return distinct;
  }

  /** 收集委员 as the API sends it: an account that must be a member's (the on-site answer is assigned to it). */
  public String collectingMember(String account) {
    if (account == null || account.isBlank()) return null;
    if (!people.isIn(account.strip(), Groups.MEMBER)) throw new BadUserRequestException("收集委员「" + account + "」不是政协委员");
    return account.strip();
  }

  /** 由我走访收集: the logged-in user, who must be a member. */
  public String collectedBy(String actor) {
    if (!people.isIn(actor, Groups.MEMBER)) {
      throw new BadUserRequestException("「由我走访收集」只能由政协委员本人勾选；代委员录入时请取消勾选");
    }
    return actor;
  }

  /** 落实事项: rows {description, owner, dueDate} (owner a unit code) or the old lines of 「事项；负责人；完成日期」. */
  public List<Decision.ActionItem> actionItems(Object value) {
    JsonNode rows = rows(value, "落实事项");
    if (rows == null) return ConsultationRecords.parseActionItems(value == null ? null : value.toString());
    List<Decision.ActionItem> items = new ArrayList<>();
    int n = 0;
    for (JsonNode row : rows) {
      n++;
      String description = text(row, "description");
      String owner = text(row, "owner");
      String due = text(row, "dueDate");
      if (description == null && owner == null && due == null) continue; // the empty row the form starts with
      if (description == null || owner == null || due == null) {
        throw new BadUserRequestException("落实事项第" + n + "项请填写事项、负责单位和完成日期");
      }
      if (description.length() > 500) throw new BadUserRequestException("落实事项第" + n + "项的事项不能超过500字");
      items.add(new Decision.ActionItem(description, ownerName(owner, n), date(due, n)));
    }
    return items;
  }

  /** 网络协商邀请名单: rows {name, kind} or the old lines of 「称呼，身份」. */
  public List<OnlineRounds.Invitee> invitees(Object value) {
    List<InvalidRequestException.FieldError> errors = new ArrayList<>();
    JsonNode rows = rows(value, "网络协商邀请名单");
    List<OnlineRounds.Invitee> invitees;
    if (rows == null) {
      invitees = OnlineRounds.parseInvitees(value == null ? null : value.toString(), errors, "onlineInvitees");
    } else {
      invitees = new ArrayList<>();
      int n = 0;
      for (JsonNode row : rows) {
        n++;
        String name = text(row, "name");
        String kind = text(row, "kind");
        if (name == null) continue; // a row left empty: the kind has a default
        ParticipantKind parsed = kind == null ? ParticipantKind.RESIDENTS : OnlineRounds.kind(kind);
        if (parsed == null) throw new BadUserRequestException("邀请名单第" + n + "位的身份无效：" + kind);
        invitees.add(new OnlineRounds.Invitee(name, parsed));
      }
      OnlineRounds.validate(invitees, errors, "onlineInvitees");
    }
    if (!errors.isEmpty()) throw new BadUserRequestException(errors.get(0).message());
    return invitees;
  }

  /** A JSON array as Tasklist sends it (Spin JSON, a list, or JSON text); null for the old plain text or nothing. */
  private static JsonNode rows(Object value, String label) {
    if (value == null) return null;
    if (value instanceof List<?> || value instanceof Map<?, ?>) return asArray(JSON.valueToTree(value), label);
    String text = value.toString().strip();
    if (!text.startsWith("[") && !text.startsWith("{")) return null;
    try {
      return asArray(JSON.readTree(text), label);
    } catch (JsonProcessingException e) {
      throw new BadUserRequestException("「" + label + "」的格式无效");
    }
  }

  private static JsonNode asArray(JsonNode node, String label) {
    if (!node.isArray()) throw new BadUserRequestException("「" + label + "」应为一组记录");
    return node;
  }

  private static String text(JsonNode row, String field) {
    JsonNode node = row.path(field);
    String text = node.isValueNode() && !node.isNull() ? node.asText().strip() : "";
    return text.isEmpty() ? null : text;
  }

  private String ownerName(String owner, int n) {
    if (VILLAGE_COMMITTEE.equals(owner)) return ParticipantKind.VILLAGE_COMMITTEE.label();
    return departments().name(owner)
        .orElseThrow(() -> new BadUserRequestException("落实事项第" + n + "项的负责单位「" + owner + "」不在承办单位名单中"));
  }

  /** form-js sends a date as 2026-12-31; a date-time is cut to its date. */
  private static LocalDate date(String text, int n) {
    try {
      return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
    } catch (DateTimeParseException e) {
      throw new BadUserRequestException("落实事项第" + n + "项的完成日期应为 2026-12-31 这样的日期");
    }
  }

  private Departments departments() {
    return rules.current().data(Departments.class);
  }
}
