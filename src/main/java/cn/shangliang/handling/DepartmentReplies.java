package cn.shangliang.handling;

import cn.shangliang.intake.DemandRecords;
import cn.shangliang.intake.DemandRecordsContributor;
import cn.shangliang.intake.DemandStatus;
import cn.shangliang.organisation.Departments;
import cn.shangliang.rules.RulesService;
import cn.shangliang.system.ChinaTime;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Records department replies, the co-handlers' opinions and the replies' review. */
@Service
public class DepartmentReplies {
  private final DepartmentReplyRepository replies;
  private final CoHandlerOpinionRepository opinions;
  private final DemandRecords demands;
  private final RulesService rules;
  private final Clock clock;

  DepartmentReplies(DepartmentReplyRepository replies, CoHandlerOpinionRepository opinions, DemandRecords demands,
      RulesService rules, Clock clock) {
    this.replies = replies;
    this.opinions = opinions;
    this.demands = demands;
    this.rules = rules;
    this.clock = clock;
  }

  @Transactional
  public DepartmentReply reply(long demandId, String department, String text, Instant dueAt, String actor) {
    DepartmentReply reply = replies.save(new DepartmentReply(demandId, department, text, dueAt, clock.instant(), actor));
    String unit = rules.current().data(Departments.class).name(department).orElse(department);
    demands.event(demandId, actor, "REPLIED", unit + "答复" + (reply.late() ? "（已超过时限）" : "") + "：" + text, null);
    return reply;
  }

  /** A co-handling department's opinion, recorded; the line the lead department's reply form shows (水务局：…). */
  @Transactional
  public String coOpinion(long demandId, String department, String opinion, String actor) {
    opinions.save(new CoHandlerOpinion(demandId, department, opinion, actor, clock.instant()));
    String unit = rules.current().data(Departments.class).name(department).orElse(department);
    demands.event(demandId, actor, "CO_OPINION", unit + "提出协办意见：" + opinion, null);
    return unit + "：" + opinion;
  }

  @Transactional
  public DepartmentReply review(long replyId, ReviewResult result, String comment, String actor) {
    DepartmentReply reply = replies.findById(replyId).orElseThrow(() -> new IllegalStateException("reply " + replyId));
    reply.review(result, comment, clock.instant(), actor);
    demands.event(reply.getDemandId(), actor, result == ReviewResult.ACCEPT ? "REPLY_ACCEPTED" : "REPLY_RETURNED",
        result.label() + (comment == null ? "" : "：" + comment), result == ReviewResult.ACCEPT ? DemandStatus.HANDLED : null);
    return reply;
  }

  @Transactional(readOnly = true)
  public List<DepartmentReply> of(long demandId) {
    return replies.findByDemandIdOrderByRepliedAtAsc(demandId);
  }
}

@Configuration(proxyBeanMethods = false)
class DepartmentRepliesView {
  record ReplyView(String department, String replyText, String repliedBy, OffsetDateTime repliedAt,
      OffsetDateTime dueAt, boolean late, String reviewResult, String reviewComment, String reviewedBy) {}

  @Bean
  DemandRecordsContributor repliesContributor(DepartmentReplies replies) {
    return DemandRecordsContributor.of("departmentReplies", demandId ->
        replies.of(demandId).stream().map(r -> new ReplyView(r.getDepartment(), r.getReplyText(), r.getRepliedBy(),
            at(r.getRepliedAt()), at(r.getDueAt()), r.late(), r.getReviewResult(), r.getReviewComment(), r.getReviewedBy())).toList());
  }

  static OffsetDateTime at(Instant instant) {
    return ChinaTime.of(instant);
  }
}
