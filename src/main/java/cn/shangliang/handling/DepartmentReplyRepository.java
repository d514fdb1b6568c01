package cn.shangliang.handling;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface DepartmentReplyRepository extends JpaRepository<DepartmentReply, Long> {
  List<DepartmentReply> findByDemandIdOrderByRepliedAtAsc(Long demandId);
}
