package cn.shangliang.inbox;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface StepRecordRepository extends JpaRepository<StepRecord, Long> {
  List<StepRecord> findByDemandIdOrderByCompletedAtAscIdAsc(Long demandId);
}
