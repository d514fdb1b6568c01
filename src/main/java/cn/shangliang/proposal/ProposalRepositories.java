package cn.shangliang.proposal;

import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface ProposalRepository extends JpaRepository<Proposal, Long> {
  List<Proposal> findByDemandIdOrderByDraftedAtAscIdAsc(Long demandId);

  Optional<Proposal> findByNumber(String number);

  List<Proposal> findByNumberStartingWithOrderByNumberAsc(String prefix);

  @Query("select p from Proposal p where (:status is null or p.status = :status) and (:replyClass is null or p.replyClass = :replyClass)"
      + " and (:unit is null or p.leadUnit = :unit) order by p.draftedAt desc, p.id desc")
  List<Proposal> search(@Param("status") ProposalStatus status, @Param("replyClass") String replyClass, @Param("unit") String unit,
      Pageable page);

  @Query("select p from Proposal p where p.id in (select m.proposalId from ProposalMatter m where m.demandId = :demandId)"
      + " order by p.draftedAt asc")
  List<Proposal> linkedTo(@Param("demandId") Long demandId);
}

interface ProposalMatterRepository extends JpaRepository<ProposalRecords.Matter, Long> {
  List<ProposalRecords.Matter> findByProposalIdOrderByLinkedAtAscIdAsc(Long proposalId);

  boolean existsByProposalIdAndDemandId(Long proposalId, Long demandId);
}

interface ProposalContactRepository extends JpaRepository<ProposalRecords.Contact, Long> {
  List<ProposalRecords.Contact> findByProposalIdOrderByRecordedAtAscIdAsc(Long proposalId);
}

interface ProposalReplyRepository extends JpaRepository<ProposalRecords.Reply, Long> {
  List<ProposalRecords.Reply> findByProposalIdOrderByRepliedAtAscIdAsc(Long proposalId);
}

interface ProposalEvaluationRepository extends JpaRepository<ProposalRecords.Evaluation, Long> {
  List<ProposalRecords.Evaluation> findByProposalIdOrderByEvaluatedAtAscIdAsc(Long proposalId);
}

interface FollowUpReviewRepository extends JpaRepository<ProposalRecords.Review, Long> {
  List<ProposalRecords.Review> findByProposalIdOrderByRoundAsc(Long proposalId);

  long countByProposalId(Long proposalId);
}

interface SocialOpinionReportRepository extends JpaRepository<ProposalRecords.SocialOpinionReport, Long> {
  List<ProposalRecords.SocialOpinionReport> findByProposalId(Long proposalId);
}
