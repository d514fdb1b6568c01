package cn.shangliang.system;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shangliang.consultation.VillageAssignments;
import cn.shangliang.intake.IntakeService;
import cn.shangliang.routing.Category;
import cn.shangliang.support.Demands;
import cn.shangliang.support.Http;
import cn.shangliang.support.ModelerDeployment;
import cn.shangliang.support.PlatformTest;
import cn.shangliang.support.ProposalWalk;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Object-level access (issue #8): a department sees and touches only its own department's demands,
 * proposals, tasks and process data, through our API and through Camunda's REST API; nobody but an
 * administrator administers the engine. Each department gets emergencies of its own first, and
 * transport a proposal with water as co-unit.
 */
@PlatformTest
class ObjectAccessTest {
  static final List<String> DEPARTMENTS = List.of("transport", "housing", "water", "township");

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired TaskService taskService;
  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;
  @Autowired AuthorizationService authorizationService;
  @Autowired IdentityService identityService;
  @Autowired RepositoryService repositoryService;

  @Autowired ProcessEngine engine;
  @Autowired IntakeService intake;
  @Autowired VillageAssignments villages;
  private static boolean fixtures;

  Http http() {
    return new Http(port);
  }

  /** Work for every department: an emergency each (routed to the lead department at once), a proposal. */
  @BeforeEach
  void work() {
    if (fixtures) return;
    for (String category : List.of("TRANSPORT", "HOUSING", "WATER", "OTHER")) {
      Http.Response created = http().as("clerk").post("/api/demands", Demands.with(Demands.with(Demands.body(), "urgency", "EMERGENCY"),
          "category", category));
      assertThat(created.status()).as(created.body()).isEqualTo(201);
    }
    ProposalWalk walk = new ProposalWalk(engine, intake, villages);
    walk.assign(walk.review(walk.draft(walk.matter(Category.TRANSPORT, 40)), "REGISTER", null), "transport", "water");
    fixtures = true;
  }

  @Test
  void demands_onlyThoseRoutedToTheDepartment() {
    List<Map<String, Object>> demands = jdbc.queryForList("select id, tracking_code from demand order by id desc limit 40");
    assertThat(demands).isNotEmpty();
    int seenByADepartment = 0;
    for (Map<String, Object> demand : demands) {
      Set<String> routedTo = new HashSet<>();
      for (Map<String, Object> r : jdbc.queryForList("select lead_department, co_departments from routing_decision where demand_id = ?",
          demand.get("id"))) {
        if (r.get("lead_department") != null) routedTo.add((String) r.get("lead_department"));
        if (r.get("co_departments") != null) {
          Arrays.stream(((String) r.get("co_departments")).split(",")).map(String::strip).filter(s -> !s.isEmpty()).forEach(routedTo::add);
        }
      }
      for (String department : DEPARTMENTS) {
        int status = http().as(department).get("/api/demands/" + demand.get("tracking_code")).status();
        assertThat(status).as(department + " reads " + demand.get("tracking_code") + " routed to " + routedTo)
            .isEqualTo(routedTo.contains(department) ? 200 : 403);
        if (status == 200) seenByADepartment++;
      }
      assertThat(http().as("supervisor").get("/api/demands/" + demand.get("tracking_code")).status()).isEqualTo(200);
    }
    assertThat(seenByADepartment).as("departments have demands of their own").isPositive();
  }

  @Test
  void proposals_onlyThoseTheDepartmentLeadsOrCoHandles() {
    List<Map<String, Object>> proposals = jdbc.queryForList("select id, lead_unit, co_units from proposal");
    assertThat(proposals).as("the proposal of the fixtures").isNotEmpty();
    for (String department : DEPARTMENTS) {
      Set<String> own = new HashSet<>();
      for (Map<String, Object> p : proposals) {
        Set<String> units = Stream.concat(Stream.ofNullable((String) p.get("lead_unit")),
            Stream.ofNullable((String) p.get("co_units")).flatMap(s -> Arrays.stream(s.split(",")))).map(String::strip)
            .collect(Collectors.toSet());
        int status = http().as(department).get("/api/proposals/" + p.get("id")).status();
        assertThat(status).as(department + " reads proposal " + p.get("id") + " of " + units).isEqualTo(units.contains(department) ? 200 : 403);
        if (units.contains(department)) own.add(String.valueOf(p.get("id")));
      }
      Set<String> listed = new HashSet<>(http().as(department).get("/api/proposals").json().findValuesAsText("id"));
      assertThat(listed).as(department + "'s proposal list").isEqualTo(own);
    }
    assertThat(http().as("proposals").get("/api/proposals").json().size()).isEqualTo(proposals.size());
  }

  @Test
  void engineRest_listsShowOnlyTheDepartmentsOwnWork() {
    for (String department : DEPARTMENTS) {
      String group = "dept-" + department;
      Set<String> readable = authorizationService.createAuthorizationQuery().resourceType(Resources.PROCESS_INSTANCE)
          .groupIdIn(group).list().stream().map(Authorization::getResourceId).collect(Collectors.toSet());
      Http as = http().as(department);
      JsonNode tasks = ok(as.get("/engine-rest/task?maxResults=2000"));
      for (JsonNode task : tasks) {
        assertThat(taskService.getIdentityLinksForTask(task.get("id").asText()))
            .as(department + " sees task " + task.get("name").asText())
            .anyMatch(link -> group.equals(link.getGroupId()) || department.equals(link.getUserId()));
      }
      for (String list : List.of("/engine-rest/process-instance", "/engine-rest/execution", "/engine-rest/variable-instance",
          "/engine-rest/history/process-instance", "/engine-rest/history/variable-instance", "/engine-rest/history/task",
          "/engine-rest/history/activity-instance", "/engine-rest/job", "/engine-rest/incident")) {
        for (JsonNode row : ok(as.get(list + "?maxResults=2000"))) {
          if (list.endsWith("/job") && !row.hasNonNull("processInstanceId")) continue; // the engine's own (history cleanup)
          String instance = row.hasNonNull("processInstanceId") ? row.get("processInstanceId").asText() : row.get("id").asText();
          assertThat(readable).as(department + " reads " + list + " of instance " + instance + ": " + row + "; grants on it: "
              + authorizationService.createAuthorizationQuery().resourceType(Resources.PROCESS_INSTANCE).resourceId(instance).list()
                  .stream().map(a -> a.getGroupId() + "/" + a.getUserId()).toList()).contains(instance);
        }
      }
    }
  }

  @Test
  void engineRest_aDepartmentCannotTouchAnotherDepartmentsTask_norBendItsOwnClock() {
    Task water = taskService.createTaskQuery().taskCandidateGroup("dept-water").list().get(0);
    Task transportOwn = taskService.createTaskQuery().taskCandidateGroup("dept-transport").list().get(0);
    Http transport = http().as("transport");
    List<String> refusedWith = new ArrayList<>();
    refusedWith.add(transport.post("/engine-rest/task/" + water.getId() + "/complete", "{}").status() + " complete");
    refusedWith.add(transport.post("/engine-rest/task/" + water.getId() + "/claim", "{\"userId\":\"transport\"}").status() + " claim");
    refusedWith.add(transport.post("/engine-rest/task/" + water.getId() + "/assignee", "{\"userId\":\"transport\"}").status() + " assignee");
    refusedWith.add(transport.get("/engine-rest/task/" + water.getId() + "/form-variables").status() + " form variables");
    refusedWith.add(transport.get("/engine-rest/process-instance/" + water.getProcessInstanceId() + "/variables").status() + " variables");
    for (Task task : List.of(water, transportOwn)) {
      String instance = task.getProcessInstanceId();
      refusedWith.add(transport.post("/engine-rest/process-instance/" + instance + "/variables",
          "{\"modifications\":{\"deadline\":{\"value\":\"2099-01-01T00:00:00\",\"type\":\"String\"}}}").status() + " set variables");
      refusedWith.add(transport.delete("/engine-rest/process-instance/" + instance).status() + " delete instance");
      refusedWith.add(transport.post("/engine-rest/process-instance/" + instance + "/modification",
          "{\"instructions\":[{\"type\":\"cancel\",\"activityId\":\"" + task.getTaskDefinitionKey() + "\"}]}").status() + " modify");
      for (Job job : managementService.createJobQuery().processInstanceId(instance).list()) {
        refusedWith.add(transport.put("/engine-rest/job/" + job.getId() + "/duedate",
            "{\"duedate\":\"2099-01-01T00:00:00.000+0800\"}").status() + " move a timer");
        refusedWith.add(transport.post("/engine-rest/job/" + job.getId() + "/execute", "{}").status() + " fire a timer");
        refusedWith.add(transport.delete("/engine-rest/job/" + job.getId()).status() + " delete a timer");
      }
    }
    assertThat(refusedWith).allSatisfy(line -> assertThat(line).matches("(403|404) .*"));
    assertThat(taskService.createTaskQuery().taskId(water.getId()).singleResult().getAssignee()).isNull();
    assertThat(runtimeService.getVariable(transportOwn.getProcessInstanceId(), "deadline")).isNotEqualTo("2099-01-01T00:00:00");
    for (Task task : List.of(water, transportOwn)) {
      assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(task.getProcessInstanceId()).count()).isOne();
      for (Job job : managementService.createJobQuery().processInstanceId(task.getProcessInstanceId()).list()) {
        assertThat(job.getDuedate()).isBefore(new Date(4070908800000L)); // 2099
      }
    }
  }

  @Test
  void engineRest_onlyAdministratorsAdministerTheEngine() {
    String definition = repositoryService.createProcessDefinitionQuery().processDefinitionKey("SixStepConsultationProcess")
        .latestVersion().singleResult().getId();
    for (String user : AuthorizationMatrixTest.USERS.keySet()) {
      if (user.equals("admin")) continue;
      Http as = http().as(user);
      List<String> answers = new ArrayList<>();
      answers.add(as.post("/engine-rest/user/create", "{\"profile\":{\"id\":\"mx-" + user + "\",\"firstName\":\"x\",\"lastName\":\"y\"},"
          + "\"credentials\":{\"password\":\"mx-password-1\"}}").status() + " create a user");
      answers.add(as.post("/engine-rest/group/create", "{\"id\":\"mx-" + user + "\",\"name\":\"x\"}").status() + " create a group");
      for (String group : List.of("camunda-admin", "admin", "supervisor")) {
        answers.add(as.put("/engine-rest/group/" + group + "/members/" + user, "{}").status() + " join " + group);
      }
      answers.add(as.post("/engine-rest/authorization/create", "{\"type\":1,\"permissions\":[\"ALL\"],\"userId\":\"" + user
          + "\",\"resourceType\":8,\"resourceId\":\"*\"}").status() + " grant itself");
      answers.add(as.put("/engine-rest/process-definition/" + definition + "/suspended",
          "{\"suspended\":true,\"includeProcessInstances\":true}").status() + " suspend the process");
      answers.add(as.put("/engine-rest/user/admin/credentials", "{\"password\":\"taken-over-1\",\"authenticatedUserPassword\":\"" + user
          + "\"}").status() + " change admin's password");
      if (!user.equals("designer")) answers.add(deploy(as).status() + " deploy a model"); // theirs to do: DesignerRoleTest
      answers.add(as.post("/engine-rest/filter/create", "{\"resourceType\":\"Task\",\"name\":\"mx\",\"query\":{}}").status() + " create a filter");
      assertThat(answers).as(user).allSatisfy(line -> assertThat(line).matches("(400|403|404) .*"));
      assertThat(identityService.createUserQuery().userId("mx-" + user).count()).isZero();
      assertThat(identityService.createGroupQuery().groupId("mx-" + user).count()).isZero();
      assertThat(identityService.createGroupQuery().groupMember(user).list()).noneMatch(g -> Set.of("camunda-admin", "admin", "supervisor")
          .contains(g.getId()) && !AuthorizationMatrixTest.USERS.get(user).contains(g.getId()));
      assertThat(authorizationService.createAuthorizationQuery().userIdIn(user).resourceType(Resources.PROCESS_INSTANCE).resourceId("*")
          .count()).isZero();
    }
    assertThat(repositoryService.getProcessDefinition(definition).isSuspended()).isFalse();
    assertThat(repositoryService.createDeploymentQuery().deploymentName("mx").count()).isZero();
    assertThat(identityService.checkPassword("admin", "admin")).isTrue();
  }

  /** A multipart deployment of a one-task model, as Modeler sends it. */
  static Http.Response deploy(Http as) {
    String model = """
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" targetNamespace="mx">
          <process id="mx" isExecutable="true"><startEvent id="s"/></process>
        </definitions>""";
    return ModelerDeployment.deploy(as, "mx", Map.of("mx.bpmn", model));
  }

  static JsonNode ok(Http.Response response) {
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    return response.json();
  }
}
