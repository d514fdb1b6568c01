package cn.shangliang.inbox;

import cn.shangliang.forms.Vars;
import cn.shangliang.intake.DemandRecords;
import cn.shangliang.intake.DemandRecordsContributor;
import cn.shangliang.system.ChinaTime;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.context.Context;
import org.springframework.stereotype.Component;

/**
 * The record of a user task that has no record of its own in Java — one a process designer added in Modeler with a
 * Camunda Form (issue #21): who completed it, when, and each value submitted under its form label, in the demand's
 * history and in the staff view of the demand ({@code steps.otherSteps}). Tasks whose model names a complete
 * listener keep their own records (the built-in steps) and get none of this.
 */
@Component
class StepRecords implements DemandRecordsContributor {
  /** The form fields every form shows at the top (TaskCards fills them): context, not what the person entered. */
  static final Set<String> CONTEXT_KEYS = Set.of("taskDeadline", "taskHistory");
  private static final Set<String> INPUT_TYPES = Set.of("textfield", "textarea", "number", "select", "radio", "checkbox",
      "checklist", "taglist", "datetime");
  private static final int DETAIL_LENGTH = 1000;
  private static final TypeReference<List<Field>> FIELDS = new TypeReference<>() {};

  /** One submitted value as the form labels it: 复核意见 = 材料齐全，同意归档. */
  record Field(String label, String value) {}

  record StepView(String step, String completedBy, String completedByName, OffsetDateTime completedAt, List<Field> fields) {}

  private final StepRecordRepository records;
  private final DemandRecords demands;
  private final ObjectMapper json;
  private final Clock clock;
  private final IdentityService identity;

  StepRecords(StepRecordRepository records, DemandRecords demands, ObjectMapper json, Clock clock, IdentityService identity) {
    this.records = records;
    this.demands = demands;
    this.json = json;
    this.clock = clock;
    this.identity = identity;
  }

  @Override
  public String name() {
    return "otherSteps";
  }

  @Override
  public Object recordsOf(long demandId) {
    return of(demandId, user -> {
      User found = identity.createUserQuery().userId(user).singleResult();
      return found == null ? user : UserNames.name(found, user);
    });
  }

  /** On complete: the step's record and a history line 「归档复核」已完成：复核意见：…；同意归档：是. */
  void completed(DelegateTask task, String step) {
    Object demandId = task.getVariable("demandId");
    if (!(demandId instanceof Number id)) return; // not a matter's task
    String actor = Vars.actor(task);
    List<Field> fields = submitted(task);
    records.save(new StepRecord(id.longValue(), step, task.getTaskDefinitionKey(), task.getProcessDefinitionId(), actor,
        clock.instant(), write(fields)));
    String values = fields.stream().map(f -> f.label() + "：" + f.value()).collect(Collectors.joining("；"));
    String detail = "「" + step + "」已完成" + (values.isEmpty() ? "" : "：" + values);
    demands.event(id.longValue(), actor, "STEP_COMPLETED",
        detail.length() > DETAIL_LENGTH ? detail.substring(0, DETAIL_LENGTH) + "…" : detail, null);
  }


  /** The values of the task's form fields, by their labels; options shown by their labels, yes/no as 是/否. */
  List<Field> submitted(DelegateTask task) {
    JsonNode form = deployedForm(task);
    List<Field> fields = new ArrayList<>();
    if (form == null) return fields;
    collect(form.path("components"), task, fields);
    return fields;
  }

  private JsonNode deployedForm(DelegateTask task) {
    try (InputStream in = Context.getCommandContext().runWithoutAuthorization(
        () -> task.getProcessEngineServices().getFormService().getDeployedTaskForm(task.getId()))) {
      return json.readTree(in);
    } catch (IOException | RuntimeException noCamundaForm) {
      return null; // an embedded or generated form: nothing to label the values with
    }
  }

  private void collect(JsonNode components, DelegateTask task, List<Field> fields) {
    for (JsonNode component : components) {
      if (component.has("components")) collect(component.get("components"), task, fields); // groups
      String key = component.path("key").asText(null);
      if (key == null || CONTEXT_KEYS.contains(key) || component.path("readonly").asBoolean(false)
          || !INPUT_TYPES.contains(component.path("type").asText())) continue;
      Object value = task.getVariable(key);
      if (value == null || value.toString().isBlank()) continue;
      fields.add(new Field(component.path("label").asText(key), shown(component, value)));
    }
  }

  private static String shown(JsonNode component, Object value) {
    if (value instanceof Boolean yes) return yes ? "是" : "否";
    Collection<?> values = value instanceof Collection<?> many ? many : List.of(value);
    return values.stream().map(v -> optionLabel(component, v.toString())).collect(Collectors.joining("、"));
  }

  private static String optionLabel(JsonNode component, String value) {
    for (JsonNode option : component.path("values")) {
      if (value.equals(option.path("value").asText())) return option.path("label").asText(value);
    }
    return value;
  }

  private String write(List<Field> fields) {
    try {
      return json.writeValueAsString(fields);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  List<StepView> of(long demandId, Function<String, String> names) {
    return records.findByDemandIdOrderByCompletedAtAscIdAsc(demandId).stream().map(r -> new StepView(r.getStep(),
        r.getCompletedBy(), names.apply(r.getCompletedBy()), ChinaTime.of(r.getCompletedAt()), read(r.getFieldsJson())))
        .toList();
  }

  private List<Field> read(String text) {
    try {
      return json.readValue(text, FIELDS);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("step_record.fields_json: " + e.getMessage(), e);
    }
  }
}
