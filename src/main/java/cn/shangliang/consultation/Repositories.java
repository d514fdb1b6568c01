package cn.shangliang.consultation;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface VillageAssignmentRepository extends JpaRepository<VillageAssignment, Long> {
  Optional<VillageAssignment> findByTownshipAndVillage(String township, String village);

  List<VillageAssignment> findAllByOrderByTownshipAscVillageAsc();
}

interface InvestigationRepository extends JpaRepository<Investigation, Long> {
  List<Investigation> findByDemandIdOrderByRecordedAtAsc(Long demandId);
}

interface MeetingRepository extends JpaRepository<Meeting, Long> {
  List<Meeting> findByDemandIdOrderByScheduledAtAsc(Long demandId);
}

interface MeetingNoticeRepository extends JpaRepository<MeetingNotice, Long> {
  List<MeetingNotice> findByMeetingIdOrderByIdAsc(Long meetingId);
}

interface DecisionRepository extends JpaRepository<Decision, Long> {
  List<Decision> findByDemandIdOrderByDecidedAtAsc(Long demandId);
}
