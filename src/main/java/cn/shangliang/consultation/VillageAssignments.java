package cn.shangliang.consultation;

import cn.shangliang.notifications.Notifications;
import cn.shangliang.system.InvalidRequestException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** 划片包村: which member investigates a village's matters; without one, the liaison office does. */
@Service
public class VillageAssignments {
  private final VillageAssignmentRepository assignments;
  private final IdentityService identityService;
  private final Notifications notifications;
  private final Clock clock;

  VillageAssignments(VillageAssignmentRepository assignments, IdentityService identityService, Notifications notifications,
      Clock clock) {
    this.assignments = assignments;
    this.identityService = identityService;
    this.notifications = notifications;
    this.clock = clock;
  }

  @Transactional(readOnly = true)
  public Optional<String> memberFor(String township, String village) {
    return assignments.findByTownshipAndVillage(township, village).map(VillageAssignment::getMemberUserId);
  }

  /** 确定包村委员: the village's member investigates; without one the liaison office is told to arrange it. */
  @Transactional
  public Optional<String> assignInvestigator(String township, String village, String trackingCode, String title) {
    Optional<String> member = memberFor(township, village);
    // the member assigned is told by the inbox's assignment notice (TaskCards); without one, the liaison office is
    if (member.isEmpty()) {
      notifications.toGroup("liaison-office", "ASSIGNED", "待调查（无包村委员）：「" + title + "」", village
          + "尚无包村委员，请工委安排调查核实（受理编号 " + trackingCode + "）。", trackingCode);
    }
    return member;
  }

  @Transactional(readOnly = true)
  public List<VillageAssignment> all() {
    return assignments.findAllByOrderByTownshipAscVillageAsc();
  }

  /** Assigns (or reassigns) a village to a member of the group {@code member}. */
  @Transactional
  public VillageAssignment assign(String township, String village, String memberUserId, String actor) {
    if (identityService.createUserQuery().userId(memberUserId).memberOfGroup("member").count() == 0) {
      throw new InvalidRequestException(List.of(
          new InvalidRequestException.FieldError("memberUserId", "不是政协委员：" + memberUserId)));
    }
    VillageAssignment assignment = assignments.findByTownshipAndVillage(township, village).orElse(null);
    if (assignment == null) {
      return assignments.save(new VillageAssignment(township, village, memberUserId, clock.instant(), actor));
    }
    assignment.reassign(memberUserId, clock.instant(), actor);
    return assignment;
  }

  @Transactional
  public void unassign(String township, String village) {
    assignments.findByTownshipAndVillage(township, village).ifPresent(assignments::delete);
  }
}
