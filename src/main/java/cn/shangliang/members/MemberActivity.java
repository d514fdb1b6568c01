package cn.shangliang.members;

import cn.shangliang.organisation.People;
import cn.shangliang.system.ChinaTime;
import cn.shangliang.system.NotFoundException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 委员履职档案 (DOMAIN.md §8): a member's demands collected, investigations, meetings attended, on-site
 * answers and proposals in a month, counted from what the six steps recorded. A read model over the
 * records of the other modules, so it owns no table of its own.
 */
@Service
public class MemberActivity {
  static final String MEMBER_GROUP = "member";

  public record Activity(String member, String name, String month, long demandsCollected, long investigations,
      long meetingsAttended, long onSiteAnswers, long proposals) {
    long total() {
      return demandsCollected + investigations + meetingsAttended + onSiteAnswers + proposals;
    }
  }

  public record Summary(String committee, String month, int members, long demandsCollected, long investigations,
      long meetingsAttended, long onSiteAnswers, long proposals, List<Activity> byMember) {}

  private final JdbcTemplate jdbc;
  private final IdentityService identityService;

  MemberActivity(JdbcTemplate jdbc, IdentityService identityService) {
    this.jdbc = jdbc;
    this.identityService = identityService;
  }

  @Transactional(readOnly = true)
  public Activity of(String memberId, YearMonth month) {
    User user = identityService.createUserQuery().userId(memberId).memberOfGroup(MEMBER_GROUP).singleResult();
    if (user == null) throw new NotFoundException("member " + memberId);
    return count(user, month);
  }

  /** The month's activity of every member, most active first, with the committee's totals. */
  @Transactional(readOnly = true)
  public Summary summary(YearMonth month) {
    List<Activity> members = identityService.createUserQuery().memberOfGroup(MEMBER_GROUP).orderByUserId().asc().list().stream()
        .map(user -> count(user, month))
        .sorted(Comparator.comparingLong(Activity::total).reversed().thenComparing(Activity::member))
        .toList();
    return new Summary("政协委员", month.toString(), members.size(),
        members.stream().mapToLong(Activity::demandsCollected).sum(), members.stream().mapToLong(Activity::investigations).sum(),
        members.stream().mapToLong(Activity::meetingsAttended).sum(), members.stream().mapToLong(Activity::onSiteAnswers).sum(),
        members.stream().mapToLong(Activity::proposals).sum(), members);
  }

  private Activity count(User user, YearMonth month) {
    Timestamp from = Timestamp.from(start(month));
    Timestamp to = Timestamp.from(start(month.plusMonths(1)));
    String id = user.getId();
    String name = People.nameOf(user, id);
    String listed = "%," + id + ",%";
    return new Activity(id, name, month.toString(),
        count("select count(*) from demand where collecting_member = ? and created_at >= ? and created_at < ?", id, from, to),
        count("select count(*) from investigation where recorded_by = ? and recorded_at >= ? and recorded_at < ?", id, from, to),
        count("select count(*) from meeting where concat(',', attending_members, ',') like ? and recorded_at >= ? and recorded_at < ?",
            listed, from, to),
        count("select count(*) from demand_event where kind = 'ANSWERED' and actor = ? and occurred_at >= ? and occurred_at < ?",
            id, from, to),
        count("select count(*) from proposal where (concat(',', replace(proposers, '，', ','), ',') like ? or proposers like ?)"
            + " and drafted_at >= ? and drafted_at < ?", listed, name.isEmpty() ? id : "%" + name + "%", from, to));
  }

  private long count(String sql, Object... args) {
    Long count = jdbc.queryForObject(sql, Long.class, args);
    return count == null ? 0 : count;
  }

  /** A month starts at midnight in China; our tables hold UTC. */
  static Instant start(YearMonth month) {
    return month.atDay(1).atStartOfDay(ChinaTime.ZONE).toInstant();
  }
}
