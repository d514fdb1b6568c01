package cn.shangliang.demo;

import cn.shangliang.consultation.OnlineRounds;
import cn.shangliang.consultation.VillageAssignments;
import cn.shangliang.intake.Channel;
import cn.shangliang.intake.DemandRequest;
import cn.shangliang.intake.IntakeService;
import cn.shangliang.organisation.Departments;
import cn.shangliang.organisation.Groups;
import cn.shangliang.platforms.Platforms;
import cn.shangliang.routing.Category;
import cn.shangliang.routing.Scope;
import cn.shangliang.routing.Urgency;
import cn.shangliang.system.ChinaTime;
import cn.shangliang.system.ShangliangProperties;
import cn.shangliang.system.StartupLock;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.spin.Spin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo profile: the demo users of API.md (password = user id) in the groups every installation has
 * (access.RoleGroups), the demo villages and platforms, and a few sample demands. Idempotent: run at every start.
 */
@Component
@Order(10)
@ConditionalOnProperty(name = "shangliang.demo.enabled", havingValue = "true")
class DemoData implements ApplicationRunner {
  private static final Logger log = LoggerFactory.getLogger(DemoData.class);

  /** id → (姓, 名, groups). */
  private record DemoUser(String id, String lastName, String firstName, List<String> groups) {}

  private static final List<DemoUser> USERS = List.of(
      new DemoUser("admin", "管理员", "系统", List.of(Groups.ADMIN, Groups.CAMUNDA_ADMIN)),
      new DemoUser("clerk", "王", "联络员", List.of(Groups.INTAKE)),
      new DemoUser("member1", "李", "委员", List.of(Groups.MEMBER)),
      new DemoUser("member2", "赵", "委员", List.of(Groups.MEMBER)),
      new DemoUser("liaison", "陈", "工委", List.of(Groups.LIAISON_OFFICE)),
      new DemoUser("convenor", "刘", "书记", List.of(Groups.CONVENOR)),
      new DemoUser("transport", "交通运输局", "办理员", List.of(Departments.groupOf("transport"))),
      new DemoUser("housing", "住建局", "办理员", List.of(Departments.groupOf("housing"))),
      new DemoUser("water", "水利局", "办理员", List.of(Departments.groupOf("water"))),
      new DemoUser("township", "乡镇政府", "办理员", List.of(Departments.groupOf("township"))),
      new DemoUser("proposals", "孙", "提案委", List.of(Groups.PROPOSAL_COMMITTEE)),
      new DemoUser("supervisor", "周", "督查", List.of(Groups.SUPERVISOR)),
      new DemoUser("leader", "吴", "主席", List.of(Groups.LEADERSHIP)),
      new DemoUser("designer", "郑", "设计员", List.of(Groups.PROCESS_DESIGNER)));

  private final ProcessEngine engine;
  private final IntakeService intake;
  private final VillageAssignments villages;
  private final ShangliangProperties properties;
  private final Platforms platforms;
  private final OnlineRounds rounds;
  private final StartupLock startupLock;

  DemoData(ProcessEngine engine, IntakeService intake, VillageAssignments villages,
      ShangliangProperties properties, Platforms platforms, OnlineRounds rounds,
      StartupLock startupLock) {
    this.startupLock = startupLock;
    this.platforms = platforms;
    this.rounds = rounds;
    this.engine = engine;
    this.intake = intake;
    this.villages = villages;
    this.properties = properties;
  }

  @Override
  public void run(ApplicationArguments args) {
    startupLock.run("demo-data", this::ensureDemoData);
  }

  private void ensureDemoData() {
    // the groups and their grants are every installation's (access.RoleGroups, run before this)
    IdentityService identity = engine.getIdentityService();
    for (DemoUser demo : USERS) {
      if (identity.createUserQuery().userId(demo.id()).count() == 0) {
        User user = identity.newUser(demo.id());
        user.setFirstName(demo.firstName());
        user.setLastName(demo.lastName());
        user.setPassword(demo.id());
        user.setEmail(demo.id() + "@shangliang.example");
        identity.saveUser(user);
      }
      for (String group : demo.groups()) {
        if (identity.createUserQuery().userId(demo.id()).memberOfGroup(group).count() == 0) {
          identity.createMembership(demo.id(), group);
        }
      }
    }
    // 划片包村: the demo villages and their members
    villages.assign("中峰镇", "同庆沟村", "member1", "admin");
    villages.assign("城关街道", "幸福社区", "member2", "admin");
    samplePlatforms();
    if (properties.demo().sampleData()) sampleDemands();
    log.info("Demo users ready (password = user id): {}", USERS.stream().map(DemoUser::id).toList());
  }

  /** Two platforms: a consultation room meeting all of the 六有 standard, a member studio still without funding. */
  private void samplePlatforms() {
    if (!platforms.list(null, null, null).isEmpty()) return;
    var room = platforms.create("同庆沟村协商议事室", "CONSULTATION_ROOM", "中峰镇", "同庆沟村", "村委会二楼", "admin");
    platforms.linkMembers(Long.parseLong(room.id()), List.of("member1"));
    var studio = platforms.create("幸福社区委员工作室", "MEMBER_STUDIO", "城关街道", "幸福社区", "社区党群服务中心", "admin");
    platforms.linkMembers(Long.parseLong(studio.id()), List.of("member2"));
    LocalDate checked = LocalDate.now(ChinaTime.ZONE).minusDays(7);
    for (String item : List.of("PLACE", "SIGN", "FACILITIES", "RULES", "FUNDING", "ACTIVITIES")) {
      platforms.check(Long.parseLong(room.id()), item, true, "乡镇工委实地检查，照片存档", checked, "admin");
      platforms.check(Long.parseLong(studio.id()), item, !item.equals("FUNDING"),
          item.equals("FUNDING") ? "工作经费尚未列入街道预算" : "街道工委实地检查，照片存档", checked, "admin");
    }
  }

  /**
   * Four sample matters at different steps: a road repair already with the transport bureau (walked
   * through investigation, meeting and decision), a stairwell light waiting for member2's investigation,
   * an elderly-care station waiting for the liaison office's investigation, a policy question answered
   * on site by member1.
   */
  private void sampleDemands() {
    IntakeService.Submitted road = sample("demo-1", "村组道路坑洼积水，雨天出行困难",
        "同庆沟村三组通组道路约800米，路面坑洼，雨天积水严重，老人孩子出行不便，希望尽快修补。",
        Category.TRANSPORT, Scope.GROUP, Urgency.NORMAL, Channel.MEMBER_VISIT, "中峰镇", "同庆沟村", "张三", "13812341234",
        false, new BigDecimal("80000"), 120);
    if (road.created()) {
      new DemoWalk(engine, road.demand().getProcessInstanceId())
          .complete("UserTask_Investigate", "member1", List.of(Groups.MEMBER), Map.of(
              "findings", "实地查看：三组通组道路800米中约300米路段坑洼，最深处15厘米，雨后积水两天不退。",
              "stakeholders", "三组村民42户；沿线两户养殖户", "investigatedAffectedPeople", 120L, "investigatedDepartments", 1L,
              "investigatedCostYuan", 80000L, "investigatedScope", "GROUP", "investigatedAnswerableOnSite", false,
              "investigatedNeedsPolicyChange", false))
          .complete("UserTask_ScheduleMeeting", "convenor", List.of(Groups.CONVENOR), Map.of(
              "meetingForm", "COURTYARD", "meetingTime", "2026-11-20T19:00", "meetingPlace", "同庆沟村三组院坝",
              "inviteMembers", true, "inviteVillageCommittee", true, "inviteResidents", true, "inviteDepartments", true))
          .complete("UserTask_RecordMeeting", "convenor", List.of(Groups.CONVENOR), Map.of(
              "opinions", "村民希望先修积水最严重的300米；养殖户提出施工期间保留车辆通行。", "agreement", "先修补积水路段，分段施工保通行。",
              "attendance", 36L))
          .complete("UserTask_Decide", "convenor", List.of(Groups.CONVENOR), Map.of(
              "decisionText", "请交通运输局修补三组道路积水路段，村委会协助组织施工期间通行。", "howReached", "CONSENSUS",
              "actionItems", "修补积水路段；交通运输局；2026-12-31\n施工期间保通行；村委会；2026-12-31"));
    }
    sample("demo-2", "老旧小区楼道照明损坏", "幸福社区5栋楼道灯已坏两个月，夜间上下楼存在安全隐患。",
        Category.HOUSING, Scope.GROUP, Urgency.URGENT, Channel.STATION, "城关街道", "幸福社区", "李四", "13900001111",
        false, new BigDecimal("3000"), 60);
    sample("demo-3", "村里想办养老服务站", "石桥村老年人多，子女外出务工，希望村里建设日间照料中心，解决老人吃饭和看护问题。",
        Category.ELDERLY, Scope.COUNTY, Urgency.NORMAL, Channel.HEARING, "石桥镇", "石桥村", "王五", "13700002222",
        true, new BigDecimal("1500000"), 300);
    supervisionSamples();
    proposalSample();
    onlineRoundSample();
    sample("demo-4", "咨询新农合报销比例", "村民询问今年新农合住院报销比例和报销流程。",
        Category.POLICY, Scope.HOUSEHOLD, Urgency.NORMAL, Channel.COURTYARD, "中峰镇", "同庆沟村", "赵六", "13600003333",
        false, null, 1);
  }

  /**
   * Two emergencies registered days ago, so the supervisors' dashboard has something true to show: a
   * flooded road the water bureau has not answered (breached, supervision due) and a burst pipe answered
   * late and accepted. The job executor fires their overdue timers right after start.
   */
  private void supervisionSamples() {
    Instant now = ClockUtil.getCurrentTime().toInstant();
    try {
      ClockUtil.setCurrentTime(Date.from(now.minus(Duration.ofDays(2))));
      sample("demo-5", "暴雨后桥头路段积水冲毁", "石桥村桥头路段被冲毁约20米，车辆无法通行，村民出行受阻。",
          Category.WATER, Scope.VILLAGE, Urgency.EMERGENCY, Channel.HOTLINE, "石桥镇", "石桥村", "钱八", "13500005555",
          false, null, 500);
      ClockUtil.setCurrentTime(Date.from(now.minus(Duration.ofDays(4))));
      IntakeService.Submitted pipe = sample("demo-6", "自来水主管爆裂", "幸福社区东门自来水主管爆裂，三栋楼停水。",
          Category.WATER, Scope.GROUP, Urgency.EMERGENCY, Channel.HOTLINE, "城关街道", "幸福社区", "周九", "13600006666",
          false, null, 300);
      if (pipe.created()) {
        ClockUtil.setCurrentTime(Date.from(now.minus(Duration.ofDays(2))));
        DemoWalk.fireDueTimers(engine, pipe.demand().getTrackingCode()); // 75 % reminder, then the breach
        completeCalled(pipe, "UserTask_DepartmentReply", "water", Departments.groupOf("water"), Map.of("resultText", "已抢修完毕，恢复供水。"));
        completeCalled(pipe, "UserTask_ReviewReply", "liaison", Groups.LIAISON_OFFICE, Map.of("reviewDecision", "ACCEPT", "resolved", true));
      }
    } finally {
      ClockUtil.reset();
    }
  }

  /**
   * A matter the investigation finds county-wide: drafted as a proposal, registered, assigned to the
   * transport bureau with the township as co-unit; the bureau has talked to the proposer and owes the reply.
   */
  private void proposalSample() {
    IntakeService.Submitted bus = sample("demo-7", "城郊村组公交线路覆盖不足", "同庆沟村等城郊村组没有公交线路，村民进城就医、上学要步行3公里到镇上乘车。",
        Category.TRANSPORT, Scope.VILLAGE, Urgency.NORMAL, Channel.MEMBER_VISIT, "中峰镇", "同庆沟村", "孙七", "13500007777",
        false, new BigDecimal("2000000"), 2600);
    if (!bus.created()) return;
    new DemoWalk(engine, bus.demand().getProcessInstanceId())
        .complete("UserTask_Investigate", "member1", List.of(Groups.MEMBER), Map.of(
            "findings", "全县城郊有14个村组不通公交，涉及约2600名群众；需调整线路规划和运营补贴政策。",
            "stakeholders", "城郊14个村组群众；公交公司", "investigatedAffectedPeople", 2600L, "investigatedDepartments", 2L,
            "investigatedCostYuan", 2000000L, "investigatedScope", "COUNTY", "investigatedAnswerableOnSite", false,
            "investigatedNeedsPolicyChange", true, "correctionReason", "走访核实：不止同庆沟村，全县城郊14个村组都不通公交，需调整线路规划和补贴政策"))
        .complete("UserTask_ScheduleMeeting", "convenor", List.of(Groups.CONVENOR), Map.of(
            "meetingForm", "HEARING", "meetingTime", "2026-11-18T15:00", "meetingPlace", "中峰镇社情民意驿站",
            "inviteMembers", true, "inviteVillageCommittee", true, "inviteResidents", true, "inviteDepartments", true))
        .complete("UserTask_RecordMeeting", "convenor", List.of(Groups.CONVENOR), Map.of(
            "opinions", "群众希望开通早晚班次；公交公司提出需要运营补贴。", "agreement", "建议以政协提案推动线路延伸和补贴政策。",
            "attendance", 28L))
        .complete("UserTask_Decide", "convenor", List.of(Groups.CONVENOR), Map.of(
            "decisionText", "形成提案，建议延伸城乡公交线路并建立运营补贴机制。", "howReached", "CONSENSUS",
            "actionItems", "起草提案；政协工委；2026-12-15"));
    completeCalled(bus, "UserTask_DraftProposal", "liaison", Groups.LIAISON_OFFICE, Map.of(
        "proposalTitle", "关于延伸城乡公交线路覆盖城郊村组的提案", "proposalReasons", "全县城郊14个村组不通公交，约2600名群众出行困难。",
        "proposalSuggestions", "一是延伸3条城乡公交线路；二是建立农村客运运营补贴机制；三是设置招呼站。", "proposers", "李委员",
        "proposerIds", "member1"));
    completeCalled(bus, "UserTask_RegistrationReview", "proposals", Groups.PROPOSAL_COMMITTEE, Map.of(
        "registrationDecision", "REGISTER", "registrationComment", "事关群众出行，符合立案条件。"));
    completeCalled(bus, "UserTask_AssignUnits", "proposals", Groups.PROPOSAL_COMMITTEE, Map.of(
        "leadUnit", "transport", "coUnits", Spin.JSON(List.of("township"))));
    completeCalled(bus, "UserTask_ContactProposer", "transport", Departments.groupOf("transport"), Map.of(
        "contactWay", "MEETING", "contactDate", LocalDate.now(ChinaTime.ZONE).toString(),
        "proposerView", "提案者希望先开通早晚班次，补贴政策可分步落实。"));
  }

  /**
   * An online consultation under way (网络协商): residents of 幸福社区 asked about lifts for old buildings; five
   * links handed out, two answered; the convenor's 多元参与议事 task shows the links.
   */
  private void onlineRoundSample() {
    IntakeService.Submitted lift = sample("demo-8", "老旧小区加装电梯意见不一", "幸福社区3栋、5栋部分居民希望加装电梯，低层住户担心采光和噪音，希望社区组织大家商量。",
        Category.HOUSING, Scope.GROUP, Urgency.NORMAL, Channel.STATION, "城关街道", "幸福社区", "郑十", "13700008888",
        false, new BigDecimal("600000"), 80);
    if (!lift.created()) return;
    new DemoWalk(engine, lift.demand().getProcessInstanceId())
        .complete("UserTask_Investigate", "member2", List.of(Groups.MEMBER), Map.of(
            "findings", "3栋、5栋共48户，其中高层32户愿意出资加装，低层9户担心采光、噪音和出入，另有7户未表态。",
            "stakeholders", "高层住户；低层住户；物业公司；社区居委会", "investigatedAffectedPeople", 80L, "investigatedDepartments", 1L,
            "investigatedCostYuan", 600000L, "investigatedScope", "GROUP", "investigatedAnswerableOnSite", false,
            "investigatedNeedsPolicyChange", false))
        .complete("UserTask_ScheduleMeeting", "convenor", List.of(Groups.CONVENOR), Map.of(
            "meetingForm", "ONLINE", "meetingTime", LocalDate.now(ChinaTime.ZONE).plusDays(3) + "T19:00",
            "meetingPlace", "幸福社区居民微信群", "inviteMembers", true, "inviteVillageCommittee", true, "inviteResidents", true,
            "inviteStakeholders", true, "onlineInvitees", "3栋住户代表\n5栋住户代表\n1楼住户，其他利益相关方\n物业公司，其他利益相关方\n幸福社区居委会，村（居）委会"));
    var links = rounds.view(lift.demand().getTrackingCode()).invitations();
    rounds.opine(token(links.get(0).link()), "SUPPORT", "老人上下楼太难了，支持加装。");
    rounds.opine(token(links.get(2).link()), "SUGGESTION", "建议电梯井道避开卧室窗户，并对低层住户适当补偿。");
  }

  private static String token(String link) {
    return link.substring(link.indexOf("round=") + "round=".length());
  }

  /** Tasks of called processes (department reply) are found by the matter's tracking code. */
  private void completeCalled(IntakeService.Submitted matter, String taskKey, String user, String group,
      Map<String, Object> variables) {
    var task = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(matter.demand().getTrackingCode())
        .taskDefinitionKey(taskKey).singleResult();
    if (task == null) return;
    engine.getIdentityService().setAuthentication(user, List.of(group));
    try {
      engine.getTaskService().complete(task.getId(), variables);
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  private IntakeService.Submitted sample(String key, String title, String description, Category category, Scope scope, Urgency urgency,
      Channel channel, String township, String village, String name, String phone, boolean policy, BigDecimal cost,
      int people) {
    boolean onSite = category == Category.POLICY;
    return intake.submit(new DemandRequest(title, description, category, scope, urgency, channel, township, village,
        new DemandRequest.Submitter(name, phone), onSite, policy, cost, 1, List.of(), people, key, null, null,
        onSite ? "member1" : null, null), null, "clerk");
  }
}
