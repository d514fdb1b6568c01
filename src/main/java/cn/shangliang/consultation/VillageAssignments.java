package cn.shangliang.consultation;

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
  private final Clock clock;

  VillageAssignments(VillageAssignmentRepository assignments, IdentityService identityService, Clock clock) {
    this.assignments = assignments;
    this.identityService = identityService;
    this.clock = clock;
  }

  @Transactional(readOnly = true)
  public Optional<String> memberFor(String township, String village) {
    return assignments.findByTownshipAndVillage(township, village).map(VillageAssignment::getMemberUserId);
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
