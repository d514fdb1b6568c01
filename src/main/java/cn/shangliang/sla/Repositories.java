package cn.shangliang.sla;

import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface ReplyClockRepository extends JpaRepository<ReplyClock, Long> {
  List<ReplyClock> findByDemandIdOrderByStartedAtAsc(Long demandId);

  List<ReplyClock> findByAcceptedAtIsNull();

  @Query("select new cn.shangliang.sla.ReplyClocks$OpenClock(c.id, c.trackingCode) from ReplyClock c where c.acceptedAt is null")
  List<ReplyClocks.OpenClock> openClocks();

  @Lock(LockModeType.PESSIMISTIC_WRITE)
  @Query("select c from ReplyClock c where c.id = :id")
  Optional<ReplyClock> lockById(@Param("id") Long id);

  @Query("select c from ReplyClock c where c.dueAt >= :from and c.dueAt < :to")
  List<ReplyClock> dueBetween(@Param("from") Instant from, @Param("to") Instant to);
}

interface SlaBreachRepository extends JpaRepository<SlaBreach, Long> {
  List<SlaBreach> findByClockIdAndClosedAtIsNull(Long clockId);

  List<SlaBreach> findByDemandIdOrderByBreachedAtAsc(Long demandId);

  @Query("select b from SlaBreach b where (:department is null or b.department = :department)"
      + " and (:open is null or (:open = true and b.closedAt is null) or (:open = false and b.closedAt is not null))"
      + " and b.breachedAt >= :from and b.breachedAt < :to order by b.breachedAt desc")
  List<SlaBreach> search(@Param("department") String department, @Param("open") Boolean open, @Param("from") Instant from,
      @Param("to") Instant to);
}
