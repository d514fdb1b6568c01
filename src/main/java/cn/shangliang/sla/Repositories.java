package cn.shangliang.sla;

import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Limit;
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

  /** Per department of the clocks due in [from, to): due, replied, replied by the deadline, accepted, accepted as solved. */
  @Query("select c.department, count(c), sum(case when c.firstRepliedAt is not null then 1 else 0 end),"
      + " sum(case when c.firstRepliedAt is not null and c.firstRepliedAt <= c.dueAt then 1 else 0 end),"
      + " sum(case when c.acceptedAt is not null then 1 else 0 end),"
      + " sum(case when c.acceptedAt is not null and c.resolved = true then 1 else 0 end)"
      + " from ReplyClock c where c.dueAt >= :from and c.dueAt < :to group by c.department")
  List<Object[]> figuresDueBetween(@Param("from") Instant from, @Param("to") Instant to);

  /** {@link #figuresDueBetween} of one department (the recount of one day's row). */
  @Query("select c.department, count(c), sum(case when c.firstRepliedAt is not null then 1 else 0 end),"
      + " sum(case when c.firstRepliedAt is not null and c.firstRepliedAt <= c.dueAt then 1 else 0 end),"
      + " sum(case when c.acceptedAt is not null then 1 else 0 end),"
      + " sum(case when c.acceptedAt is not null and c.resolved = true then 1 else 0 end)"
      + " from ReplyClock c where c.department = :department and c.dueAt >= :from and c.dueAt < :to group by c.department")
  List<Object[]> figuresOfDepartment(@Param("department") String department, @Param("from") Instant from, @Param("to") Instant to);

  /** {id, department, due} of the clocks after {@code after}, by id (the backfill of sla_daily reads them all). */
  @Query("select c.id, c.department, c.dueAt from ReplyClock c where c.id > :after order by c.id")
  List<Object[]> dueDatesAfter(@Param("after") long after, Limit limit);
}

interface SlaBreachRepository extends JpaRepository<SlaBreach, Long> {
  List<SlaBreach> findByClockIdAndClosedAtIsNull(Long clockId);

  List<SlaBreach> findByDemandIdOrderByBreachedAtAsc(Long demandId);

  @Query("select b from SlaBreach b where (:department is null or b.department = :department)"
      + " and (:open is null or (:open = true and b.closedAt is null) or (:open = false and b.closedAt is not null))"
      + " and b.breachedAt >= :from and b.breachedAt < :to order by b.breachedAt desc, b.id desc")
  List<SlaBreach> search(@Param("department") String department, @Param("open") Boolean open, @Param("from") Instant from,
      @Param("to") Instant to);

  /**
   * A page of {@link #search}, newest first: those that began before {@code beforeAt}, or at that moment with an id
   * below {@code beforeId} (the last of the previous page).
   */
  @Query("select b from SlaBreach b where (:department is null or b.department = :department)"
      + " and (:open is null or (:open = true and b.closedAt is null) or (:open = false and b.closedAt is not null))"
      + " and b.breachedAt >= :from and b.breachedAt < :to"
      + " and (b.breachedAt < :beforeAt or (b.breachedAt = :beforeAt and b.id < :beforeId))"
      + " order by b.breachedAt desc, b.id desc")
  List<SlaBreach> page(@Param("department") String department, @Param("open") Boolean open, @Param("from") Instant from,
      @Param("to") Instant to, @Param("beforeAt") Instant beforeAt, @Param("beforeId") long beforeId, Limit limit);

  @Query("select b.department, count(b) from SlaBreach b where b.breachedAt >= :from and b.breachedAt < :to group by b.department")
  List<Object[]> countBetween(@Param("from") Instant from, @Param("to") Instant to);

  @Query("select b.department, count(b) from SlaBreach b where b.department = :department and b.breachedAt >= :from"
      + " and b.breachedAt < :to group by b.department")
  List<Object[]> countOfDepartment(@Param("department") String department, @Param("from") Instant from, @Param("to") Instant to);

  /** {id, department, breached at} of the breaches after {@code after}, by id. */
  @Query("select b.id, b.department, b.breachedAt from SlaBreach b where b.id > :after order by b.id")
  List<Object[]> breachDatesAfter(@Param("after") long after, Limit limit);
}
