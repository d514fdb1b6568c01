package cn.shangliang.intake;

import cn.shangliang.routing.Category;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface DemandRepository extends JpaRepository<Demand, Long> {
  Optional<Demand> findByIdempotencyKey(String idempotencyKey);

  Optional<Demand> findByTrackingCode(String trackingCode);

  List<Demand> findByMergedIntoIdOrderByIdAsc(Long mergedIntoId);

  /** Who raised each of these matters: the matter's own submitter and those of the demands merged into it. */
  @Query("select coalesce(d.mergedIntoId, d.id), d.submitterName from Demand d"
      + " where (d.id in :ids or d.mergedIntoId in :ids) and d.submitterName is not null")
  List<Object[]> findSubmitterNamesOfMatters(@Param("ids") Collection<Long> matterIds);

  /** Open311 GET requests.json: by codes, category, period, newest first. */
  @Query("select d from Demand d where (:category is null or d.category = :category)"
      + " and d.createdAt >= :from and d.createdAt < :to order by d.createdAt desc, d.id desc")
  List<Demand> search(@Param("category") Category category, @Param("from") Instant from,
      @Param("to") Instant to, Pageable page);

  List<Demand> findByTrackingCodeIn(Collection<String> codes);

  /**
   * repeatCount: other demands of the same category from the same village in [since, until] (index
   * ix_demand_place_category). Inclusive, because MySQL stores these times to the second.
   */
  @Query("select count(d) from Demand d where d.township = :township and d.village = :village"
      + " and d.category = :category and d.createdAt >= :since and d.createdAt <= :until and d.id <> :excludeId")
  long countSamePlaceAndCategory(@Param("township") String township, @Param("village") String village,
      @Param("category") Category category, @Param("since") Instant since,
      @Param("until") Instant until, @Param("excludeId") long excludeId);

  /** What the merge-candidate search reads of an earlier demand (not the entity: nothing to track or flush). */
  interface MergeCandidateText {
    Long getId();

    String getTrackingCode();

    String getTitle();

    String getDescription();

    Instant getCreatedAt();
  }

  /** Merge candidates: open demands of the same village and category since a moment, newest first. */
  @Query("select d.id as id, d.trackingCode as trackingCode, d.title as title, d.description as description,"
      + " d.createdAt as createdAt from Demand d where d.township = :township and d.village = :village"
      + " and d.category = :category and d.createdAt >= :since and d.id <> :excludeId and d.mergedIntoId is null"
      + " and d.status <> cn.shangliang.intake.DemandStatus.HANDLED order by d.createdAt desc")
  List<MergeCandidateText> findOpenSamePlaceAndCategory(@Param("township") String township, @Param("village") String village,
      @Param("category") Category category, @Param("since") Instant since,
      @Param("excludeId") Long excludeId, Pageable page);
}

interface RoutingRecordRepository extends JpaRepository<RoutingRecord, Long> {
  /** Every decision of a demand with its reasons, in one statement (the eager reasons would be one each). */
  @Query("select distinct r from RoutingRecord r left join fetch r.reasons where r.demandId = :demandId"
      + " order by r.evaluatedAt asc, r.id asc")
  List<RoutingRecord> findByDemandIdOrderByEvaluatedAtAscIdAsc(@Param("demandId") Long demandId);

  Optional<RoutingRecord> findFirstByDemandIdOrderByEvaluatedAtDescIdDesc(Long demandId);

  /** The decisions of many demands with their reasons, in one statement (the eager reasons would be one each). */
  @Query("select distinct r from RoutingRecord r left join fetch r.reasons where r.demandId in :ids"
      + " order by r.evaluatedAt asc, r.id asc")
  List<RoutingRecord> findWithReasonsByDemandIdIn(@Param("ids") Collection<Long> demandIds);
}

interface DemandEventRepository extends JpaRepository<DemandEvent, Long> {
  List<DemandEvent> findByDemandIdOrderByOccurredAtAscIdAsc(Long demandId);
}
