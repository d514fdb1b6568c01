package cn.shangliang.system;

import cn.shangliang.organisation.People;
import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The staff's front door: the Chinese login page, and the home page at {@code /} that greets a person by name
 * and shows what their roles open, with the task count of each of their Tasklist filters. What a role opens is
 * read from the lists the security rules use (our pages) and from Camunda's application grants (its webapps), so
 * the home page never offers a page that would then be refused.
 */
@Controller
@Tag(name = "登录与首页 Front door")
class FrontDoorController {
  private static final String TASKLIST = "tasklist";

  record Role(String id, String name) {}

  record Place(String key, String title, String description, String href) {}

  record TaskFilter(String id, String name, String description, String color, long count, String href) {}

  record Me(String user, String name, List<Role> roles, List<Place> places, List<TaskFilter> filters) {}

  /** A place the home page may offer, and where it leads; {@code app} is Camunda's name of a webapp, else null. */
  private record Candidate(String key, String title, String description, String href, String app) {}

  private static final List<Candidate> PLACES = List.of(
      new Candidate(TASKLIST, "待办（Tasklist）", "办理指派给我和本组的任务，启动新的诉求流程", "/camunda/app/tasklist/", TASKLIST),
      new Candidate("dashboard", "督查督办", "时限与超期、按时率、民主协商打分器，导出统计", "/dashboard", null),
      new Candidate("platforms", "协商平台", "平台名册、“六有”达标情况和本年度活动", "/platforms", null),
      new Candidate("calendar", "工作日历", "法定工作日、节假日和调休，办理时限据此计算", "/calendar", null),
      new Candidate("rules-state", "规则状态", "在用的分流和时限规则，最近一次被拒绝的修改", "/rules-state", null),
      new Candidate("cockpit", "流程监控（Cockpit）", "流程实例、事件和部署的流程模型", "/camunda/app/cockpit/", "cockpit"),
      new Candidate("admin", "用户与权限（Admin）", "用户、用户组和授权", "/camunda/app/admin/", "admin"),
      new Candidate("public", "公众页面", "群众提交诉求、查询办理进度、查看公示", "/public", null));

  private final ProcessEngine engine;
  private final People people;

  FrontDoorController(ProcessEngine engine, People people) {
    this.engine = engine;
    this.people = people;
  }

  @GetMapping("/")
  String home() {
    return "forward:/home/index.html";
  }

  @GetMapping(BrowserPages.LOGIN)
  String login() {
    return "forward:/login/index.html";
  }

  /**
   * The CSRF token of the webapps' session, which their login and logout ask for. Camunda hands it out only once,
   * with the read that makes it, in a cookie for /camunda that pages outside cannot read; our login page may come
   * after that read (Tasklist opened before, a logout). Same-origin only, as the cookie is: another site's page
   * cannot read this answer. Our pages send it with their writes to /api (CamundaWebappSessionFilter).
   */
  @GetMapping(BrowserPages.LOGIN + "/token")
  @ResponseBody
  @Hidden
  Map<String, String> csrfToken(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    Object token = session == null ? null : session.getAttribute(CamundaWebappSessionFilter.CSRF_TOKEN);
    return token == null ? Map.of() : Map.of("token", token.toString());
  }

  @GetMapping("/api/me")
  @ResponseBody
  @Operation(summary = "当前登录的用户及其可用的功能", description = "姓名、所属用户组（角色）的中文名称、其角色可以打开的页面，"
      + "以及其在 Tasklist 中可见的每个筛选器和当前任务数（首页用）。任何已登录的用户均可调用，流程设计员也可以。")
  Me me(Authentication authentication) {
    String user = authentication.getName();
    List<Group> groups = engine.getIdentityService().createGroupQuery().groupMember(user).list();
    List<String> groupIds = groups.stream().map(Group::getId).toList();
    Set<String> apps = AuthenticationUtil.createAuthentication(engine, user, groupIds, List.of()).getAuthorizedApps();
    List<Place> places = PLACES.stream()
        .filter(place -> place.app() == null ? SecurityConfig.opens(place.href(), groupIds) : apps.contains(place.app()))
        .map(place -> new Place(place.key(), place.title(), place.description(), place.href())).toList();
    List<TaskFilter> filters = apps.contains(TASKLIST) ? filters(user, groupIds) : List.of();
    return new Me(user, people.name(user), groups.stream().map(g -> new Role(g.getId(), roleName(g))).toList(), places, filters);
  }

  private static String roleName(Group group) {
    return group.getName() == null || group.getName().isBlank() ? group.getId() : group.getName();
  }

  /** The Tasklist filters the user may read, counted as Tasklist counts them: as the user, in Tasklist's order. */
  private List<TaskFilter> filters(String user, List<String> groupIds) {
    var identity = engine.getIdentityService();
    var filterService = engine.getFilterService();
    identity.setAuthentication(user, groupIds);
    try {
      return filterService.createFilterQuery().filterResourceType("Task").list().stream()
          .sorted(Comparator.comparingInt(FrontDoorController::priority).thenComparing(Filter::getName))
          .map(filter -> new TaskFilter(filter.getId(), filter.getName(), property(filter, "description"),
              property(filter, "color"), filterService.count(filter.getId()), "/camunda/app/tasklist/#/?filter=" + filter.getId()))
          .toList();
    } finally {
      identity.clearAuthentication();
    }
  }

  private static int priority(Filter filter) {
    return filter.getProperties() != null && filter.getProperties().get("priority") instanceof Number n ? n.intValue() : 0;
  }

  private static String property(Filter filter, String name) {
    Object value = filter.getProperties() == null ? null : filter.getProperties().get(name);
    return value == null ? null : value.toString();
  }
}
