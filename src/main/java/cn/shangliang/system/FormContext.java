package cn.shangliang.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;

/**
 * Every Camunda Form shows the task's context at its top — the current deadline and the matter's history so far,
 * which the engine puts on each task as {@code taskDeadline} and {@code taskHistory} (inbox.TaskCards). A form a
 * process designer made in Modeler without them gets them when it is deployed, hidden where there is nothing to
 * show (a start form has no task): the designer adds no field and no Java for it. Forms that already have the
 * fields are deployed byte for byte as they are.
 */
public final class FormContext implements Deployer {
  static final String DEADLINE = "taskDeadline";
  static final String HISTORY = "taskHistory";
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** The form with the context fields first, or the same bytes when it has them (or is not a form we can read). */
  public static byte[] complete(byte[] form) {
    try {
      JsonNode root = JSON.readTree(form);
      if (!(root instanceof ObjectNode object) || !(root.get("components") instanceof ArrayNode components)) return form;
      if (hasKey(components, DEADLINE) || hasKey(components, HISTORY)) return form;
      components.insert(0, field("textarea", "Field_TaskHistory", HISTORY, "办理经过（最近的记录在最后）"));
      components.insert(0, field("textfield", "Field_TaskDeadline", DEADLINE, "本任务办理时限"));
      return JSON.writeValueAsBytes(object);
    } catch (IOException notJson) {
      return form; // the engine's own form deployer says what is wrong with it
    }
  }

  private static boolean hasKey(ArrayNode components, String key) {
    for (JsonNode component : components) {
      if (key.equals(component.path("key").asText()) || component.get("components") instanceof ArrayNode inner && hasKey(inner, key)) {
        return true;
      }
    }
    return false;
  }

  private static ObjectNode field(String type, String id, String key, String label) {
    ObjectNode field = JSON.createObjectNode().put("type", type).put("id", id).put("key", key).put("label", label)
        .put("readonly", true);
    field.putObject("conditional").put("hide", "=" + key + " = null or " + key + " = \"\"");
    return field;
  }

  @Override
  public void deploy(DeploymentEntity deployment) {
    if (deployment.getResources() == null) return;
    for (ResourceEntity resource : deployment.getResources().values()) {
      if (resource.getName() != null && resource.getName().endsWith(".form")) resource.setBytes(complete(resource.getBytes()));
    }
  }

  /** Registered before the engine's deployers, so the form deployer and the stored resource see the completed form. */
  static void register(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPreDeployers() == null) configuration.setCustomPreDeployers(new ArrayList<>());
    configuration.getCustomPreDeployers().add(new FormContext());
  }
}
