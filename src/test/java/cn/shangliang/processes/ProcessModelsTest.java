package cn.shangliang.processes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Tag;

/** Every model in processes/ opens in Camunda Modeler with its whole diagram and follows STYLE.md §2. */
@Tag("no-database")
class ProcessModelsTest {

  static Stream<Path> models() throws IOException {
    try (Stream<Path> walk = Files.walk(Path.of("processes"))) {
      List<Path> models = walk.filter(p -> p.toString().endsWith(".bpmn")).sorted().toList();
      assertThat(models).isNotEmpty();
      return models.stream();
    }
  }

  @ParameterizedTest
  @MethodSource("models")
  void everyFlowNodeAndSequenceFlowIsDrawn(Path file) {
    BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
    Set<String> drawn = Stream.concat(
        model.getModelElementsByType(BpmnShape.class).stream().map(s -> s.getBpmnElement().getId()),
        model.getModelElementsByType(BpmnEdge.class).stream().map(e -> e.getBpmnElement().getId()))
        .collect(Collectors.toSet());
    Collection<FlowNode> nodes = model.getModelElementsByType(FlowNode.class);
    Collection<SequenceFlow> flows = model.getModelElementsByType(SequenceFlow.class);
    assertThat(nodes).isNotEmpty();
    assertThat(nodes.stream().map(BaseElement::getId)).allMatch(drawn::contains);
    assertThat(flows.stream().map(BaseElement::getId)).allMatch(drawn::contains);
  }

  @ParameterizedTest
  @MethodSource("models")
  void namedLikeTheStyleGuide_fileIsProcessId_idsAreTypeBusinessName_namesAreChinese(Path file) {
    BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
    Process process = model.getModelElementsByType(Process.class).iterator().next();
    assertThat(file.getFileName().toString()).isEqualTo(process.getId() + ".bpmn");
    assertThat(process.getCamundaHistoryTimeToLiveString()).isNotBlank();
    for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
      assertThat(node.getId()).matches("(StartEvent|EndEvent|UserTask|ServiceTask|BusinessRuleTask|SendTask|ReceiveTask|ScriptTask|"
          + "CallActivity|SubProcess|Gateway|BoundaryEvent|IntermediateCatchEvent|IntermediateThrowEvent|Task)_[A-Z][A-Za-z0-9]+");
      assertThat(node.getName()).as(node.getId()).isNotBlank().matches(".*\\p{IsHan}.*");
    }
    for (SequenceFlow flow : model.getModelElementsByType(SequenceFlow.class)) {
      assertThat(flow.getId()).matches("Flow_[A-Z][A-Za-z0-9]+");
    }
  }

  /**
   * The picture tells the truth (docs/models/, rendered by .ci/render-models): no shape drawn on top of another,
   * no flow drawn through a shape it does not enter, no label over a shape or another label, no flow through a label.
   */
  @ParameterizedTest
  @MethodSource("models")
  void drawnReadably_noOverlaps_noFlowThroughShapesOrLabels(Path file) {
    DiagramLayout layout = layout(file);
    SoftAssertions.assertSoftly(soft -> {
      soft.assertThat(layout.overlappingShapes()).as(file + ": shapes on top of each other").isEmpty();
      soft.assertThat(layout.flowsThroughShapes()).as(file + ": flows drawn through shapes").isEmpty();
      soft.assertThat(layout.coveredLabels()).as(file + ": labels over shapes or labels").isEmpty();
      soft.assertThat(layout.crossedLabels()).as(file + ": labels with a flow drawn through them").isEmpty();
    });
  }

  private static DiagramLayout layout(Path file) {
    return new DiagramLayout(Bpmn.readModelFromFile(file.toFile()));
  }

  /** Code that registers itself with the engine and so changes what every model does without showing in it. */
  static final Pattern ENGINE_HOOK = Pattern.compile(
      "getCustomPostBPMNParseListeners|getCustomPreBPMNParseListeners|getCustomPreDeployers|CommandInterceptors|setBusinessCalendarManager"
          + "|ParseListenerPlugin\\.of\\(");

  /** The way the modules register a parse listener: the modules that use it are the hooks, not the way itself. */
  static final String MECHANISM = "ParseListenerPlugin.java";

  static Set<String> engineHooks() throws IOException {
    try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
      return files.filter(f -> f.toString().endsWith(".java") && !f.getFileName().toString().equals(MECHANISM)).filter(f -> {
        try {
          return ENGINE_HOOK.matcher(Files.readString(f)).find();
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }).map(f -> f.getFileName().toString().replace(".java", "")).collect(Collectors.toSet());
    }
  }

  /**
   * What the platform adds to every model at deployment (parse listeners, deployers, command interceptors, the working-day
   * calendar) is named in each model's documentation, so a designer reading the model in Modeler sees it.
   */
  @ParameterizedTest
  @MethodSource("models")
  void theListenersThePlatformAddsAreNamedInTheModelsDocumentation(Path file) throws IOException {
    BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
    Process process = model.getModelElementsByType(Process.class).iterator().next();
    String documentation = process.getDocumentations().stream().map(d -> d.getTextContent()).collect(Collectors.joining("\n"));
    assertThat(engineHooks()).isNotEmpty().allSatisfy(hook -> assertThat(documentation).as(file + " documentation").contains(hook + "："));
  }

  /**
   * Gateways steer by the facts the routing hands over (route, investigateFirst, clockKind), never by a rule's id:
   * renaming or adding a rule in rules/routing/ must not need a model change.
   */
  @ParameterizedTest
  @MethodSource("models")
  void noConditionNamesARoutingRule(Path file) {
    BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
    for (SequenceFlow flow : model.getModelElementsByType(SequenceFlow.class)) {
      if (flow.getConditionExpression() == null) continue;
      assertThat(flow.getConditionExpression().getTextContent()).as(flow.getId()).doesNotContain("routeRule")
          .doesNotContain("EMERGENCY").doesNotContain("URGENT").doesNotContain("STANDARD");
    }
  }

  @ParameterizedTest
  @MethodSource("models")
  void everyUserTaskHasCandidateGroupsADueDateAndAForm(Path file) {
    BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
    for (UserTask task : model.getModelElementsByType(UserTask.class)) {
      assertThat(task.getCamundaCandidateGroups()).as(task.getId()).isNotBlank();
      assertThat(task.getCamundaDueDate()).as(task.getId()).isNotBlank();
      String formRef = task.getAttributeValueNs("http://camunda.org/schema/1.0/bpmn", "formRef");
      assertThat(formRef).as(task.getId()).isNotBlank();
      assertThat(formFiles()).as("a .form with id " + formRef).contains(formRef);
    }
  }

  static Set<String> formFiles() {
    try (Stream<Path> walk = Files.walk(Path.of("processes"))) {
      return walk.filter(p -> p.toString().endsWith(".form")).map(p -> {
        try {
          return new com.fasterxml.jackson.databind.ObjectMapper().readTree(p.toFile()).get("id").asText();
        } catch (IOException e) {
          throw new AssertionError(p + " is not JSON", e);
        }
      }).collect(Collectors.toSet());
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }
}
