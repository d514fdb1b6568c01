package cn.shangliang.platforms;

import cn.shangliang.organisation.People;
import cn.shangliang.platforms.PlatformRecords.Check;
import cn.shangliang.platforms.PlatformRecords.Item;
import cn.shangliang.platforms.PlatformRecords.Kind;
import cn.shangliang.platforms.PlatformRecords.Member;
import cn.shangliang.platforms.PlatformRecords.Platform;
import cn.shangliang.system.ChinaTime;
import cn.shangliang.system.ConflictException;
import cn.shangliang.system.InvalidRequestException;
import cn.shangliang.system.NotFoundException;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.context.annotation.Lazy;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The registry of consultation platforms (协商平台): the place, the members linked to it, its "六有" checks (the
 * latest check of each item is in force; compliant when all six are met) and its activity computed from the
 * meetings recorded there.
 */
@Service
public class Platforms {
  /** No platform was checked before the method existed; also keeps dates every database can store. */
  private static final LocalDate EARLIEST_CHECK = LocalDate.of(2000, 1, 1);
  private final PlatformRepository platforms;
  private final PlatformMemberRepository members;
  private final PlatformCheckRepository checks;
  private final JdbcTemplate jdbc;
  private final IdentityService identity;
  private final People people;
  private final Clock clock;
  @PersistenceContext
  private EntityManager entityManager;

  Platforms(PlatformRepository platforms, PlatformMemberRepository members, PlatformCheckRepository checks, JdbcTemplate jdbc,
      @Lazy IdentityService identity, @Lazy People people, Clock clock) {
    this.people = people;
    this.platforms = platforms;
    this.members = members;
    this.checks = checks;
    this.jdbc = jdbc;
    this.identity = identity;
    this.clock = clock;
  }

  /** {@code checkedBy} is the account, {@code checkedByName} how people call it. */
  public record ItemStatus(String item, String label, Boolean met, String evidence, LocalDate checkedOn, String checkedBy,
      String checkedByName) {}

  /** {@code members} are accounts; {@code memberNames} the same members by name (李委员), in the same order. */
  public record PlatformView(String id, String name, String kind, String kindLabel, String township, String village,
      String address, List<String> members, List<ItemStatus> standard, boolean compliant, int itemsMet,
      List<String> memberNames) {}

  public record Month(String month, int consultations, int matters, int solved, int membersActive) {}

  public record Activity(String platformId, int year, int consultations, int matters, int solved, int membersActive,
      List<Month> months) {}

  @Transactional
  public PlatformView create(String name, String kind, String township, String village, String address, String actor) {
    List<InvalidRequestException.FieldError> errors = new ArrayList<>();
    Kind k = null;
    if (name == null || name.isBlank() || name.strip().length() > 100) errors.add(error("name", "名称应为1到100字"));
    if (township == null || township.isBlank() || township.strip().length() > 100) errors.add(error("township", "请填写乡镇（街道）"));
    if (village != null && village.strip().length() > 100) errors.add(error("village", "村（社区）不能超过100字"));
    if (address != null && address.strip().length() > 200) errors.add(error("address", "地址不能超过200字"));
    try {
      k = Kind.valueOf(kind == null ? "" : kind);
    } catch (IllegalArgumentException e) {
      errors.add(error("kind", "类型应为 " + Arrays.toString(Kind.values())));
    }
    if (!errors.isEmpty()) throw new InvalidRequestException(errors);
    if (platforms.existsByTownshipAndName(township.strip(), name.strip())) {
      throw new ConflictException(township.strip() + "已有名为「" + name.strip() + "」的平台");
    }
    Platform p = platforms.save(new Platform(name.strip(), k, township.strip(), blank(village), blank(address), actor, clock.instant()));
    return view(p);
  }

  private static String blank(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }

  private static InvalidRequestException.FieldError error(String field, String message) {
    return new InvalidRequestException.FieldError(field, message);
  }

  Platform platform(long id) {
    return platforms.findById(id).orElseThrow(() -> new NotFoundException("platform " + id));
  }

  /** The members linked to the platform, replaced as a whole; each must be a user of the group {@code member}. */
  @Transactional
  public PlatformView linkMembers(long id, List<String> memberIds) {
    Platform p = platform(id);
    List<InvalidRequestException.FieldError> errors = new ArrayList<>();
    for (String member : memberIds) {
      if (member == null || identity.createUserQuery().userId(member).memberOfGroup("member").count() == 0) {
        errors.add(error("members", "「" + (member == null ? "" : people.name(member)) + "」不是政协委员"));
      }
    }
    if (!errors.isEmpty()) throw new InvalidRequestException(errors);
    members.deleteAll(members.findByPlatformIdOrderByMemberUserIdAsc(id));
    members.flush();
    for (String member : new LinkedHashSet<>(memberIds)) members.save(new Member(id, member, clock.instant()));
    return view(p);
  }

  @Transactional
  public PlatformView check(long id, String item, Boolean met, String evidence, LocalDate on, String actor) {
    Platform p = platform(id);
    List<InvalidRequestException.FieldError> errors = new ArrayList<>();
    Item i = null;
    try {
      i = Item.valueOf(item == null ? "" : item);
    } catch (IllegalArgumentException e) {
      errors.add(error("item", "应为 " + Arrays.toString(Item.values())));
    }
    if (met == null) errors.add(error("met", "请说明是否达标"));
    if (evidence == null || evidence.strip().length() < 2 || evidence.strip().length() > 1000) {
      errors.add(error("evidence", "请写明依据（2到1000字）"));
    }
    LocalDate today = clock.instant().atZone(ChinaTime.ZONE).toLocalDate();
    if (on == null || on.isAfter(today) || on.isBefore(EARLIEST_CHECK)) errors.add(error("checkedOn", "检查日期不能为空，须在2000年以后且不晚于今天"));
    if (!errors.isEmpty()) throw new InvalidRequestException(errors);
    checks.save(new Check(id, i, met, evidence.strip(), on, actor, clock.instant()));
    return view(p);
  }

  @Transactional(readOnly = true)
  public PlatformView view(long id) {
    return view(platform(id));
  }

  @Transactional(readOnly = true)
  public List<PlatformView> list(String township, String kind, Boolean compliant) {
    return platforms.findAllByOrderByTownshipAscNameAsc().stream()
        .filter(p -> township == null || township.equals(p.township))
        .filter(p -> kind == null || kind.equals(p.kind.name()))
        .map(this::view)
        .filter(v -> compliant == null || v.compliant() == compliant)
        .toList();
  }

  PlatformView view(Platform p) {
    Map<Item, Check> latest = new EnumMap<>(Item.class);
    for (Check c : checks.findByPlatformIdOrderByCheckedOnAscRecordedAtAsc(p.getId())) latest.put(c.item, c);
    List<ItemStatus> standard = new ArrayList<>();
    int met = 0;
    for (Item item : Item.values()) {
      Check c = latest.get(item);
      if (c != null && c.met) met++;
      standard.add(c == null ? new ItemStatus(item.name(), item.label, null, null, null, null, null)
          : new ItemStatus(item.name(), item.label, c.met, c.evidence, c.checkedOn, c.checkedBy, people.name(c.checkedBy)));
    }
    List<String> linked = members.findByPlatformIdOrderByMemberUserIdAsc(p.getId()).stream().map(m -> m.memberUserId).toList();
    return new PlatformView(String.valueOf(p.getId()), p.name, p.kind.name(), p.kind.label, p.township, p.village, p.address,
        linked, standard, met == Item.values().length, met, List.copyOf(people.names(linked).values()));
  }

  /** Where a meeting of the six steps takes place (scheduling the meeting). */
  @Transactional
  public void holdMeetingAt(long meetingId, long platformId) {
    platform(platformId);
    entityManager.flush(); // the meeting was just scheduled in this transaction
    if (jdbc.update("UPDATE meeting SET platform_id = ? WHERE id = ?", platformId, meetingId) != 1) {
      throw new IllegalStateException("meeting " + meetingId + " not found");
    }
  }

  /** The platforms a matter of the township may meet at, the township's own first (Camunda Forms options). */
  @Transactional(readOnly = true)
  public List<Map<String, String>> options(String township) {
    List<Map<String, String>> options = new ArrayList<>();
    List<Platform> all = new ArrayList<>(platforms.findAllByOrderByTownshipAscNameAsc());
    all.sort((a, b) -> Boolean.compare(!a.township.equals(township), !b.township.equals(township)));
    for (Platform p : all) {
      Map<String, String> option = new LinkedHashMap<>();
      option.put("label", p.name + "（" + p.township + (p.village == null ? "" : p.village) + "，" + p.kind.label + "）");
      option.put("value", String.valueOf(p.getId()));
      options.add(option);
    }
    return options;
  }

  /**
   * The platform's activity in a year, per month, from the meetings recorded there: consultations held, matters
   * consulted, problems solved (those matters now closed without a 不满意 in their last evaluation round) and
   * members active (distinct members who attended).
   */
  @Transactional(readOnly = true)
  public Activity activity(long id, int year) {
    platform(id);
    Instant from = LocalDate.of(year, 1, 1).atStartOfDay(ChinaTime.ZONE).toInstant();
    Instant to = LocalDate.of(year + 1, 1, 1).atStartOfDay(ChinaTime.ZONE).toInstant();
    List<Row> rows = jdbc.query("SELECT m.demand_id, m.recorded_at, m.attending_members,"
        + " CASE WHEN d.status = 'CLOSED' AND NOT EXISTS (SELECT 1 FROM satisfaction_evaluation e WHERE e.matter_id = d.id"
        + "   AND e.rating = 'UNSATISFIED' AND e.handling_round = (SELECT MAX(e2.handling_round) FROM satisfaction_evaluation e2"
        + "   WHERE e2.matter_id = d.id)) THEN 1 ELSE 0 END"
        + " FROM meeting m JOIN demand d ON d.id = m.demand_id"
        + " WHERE m.platform_id = ? AND m.recorded_at >= ? AND m.recorded_at < ?",
        (rs, n) -> new Row(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getInt(4) == 1),
        id, Timestamp.from(from), Timestamp.from(to));
    List<Month> months = new ArrayList<>();
    for (int m = 1; m <= 12; m++) {
      YearMonth month = YearMonth.of(year, m);
      List<Row> in = rows.stream().filter(r -> YearMonth.from(r.recordedAt().atZone(ChinaTime.ZONE)).equals(month)).toList();
      months.add(month(month.toString(), in));
    }
    Month all = month(String.valueOf(year), rows);
    return new Activity(String.valueOf(id), year, all.consultations(), all.matters(), all.solved(), all.membersActive(), months);
  }

  /** A meeting recorded at the platform: its matter, when, who attended, whether the matter's problem is solved. */
  private record Row(long demandId, Instant recordedAt, String members, boolean solved) {}

  private static Month month(String label, List<Row> rows) {
    Set<Long> matters = new HashSet<>();
    Set<Long> solved = new HashSet<>();
    Set<String> active = new HashSet<>();
    for (Row row : rows) {
      matters.add(row.demandId());
      if (row.solved()) solved.add(row.demandId());
      if (row.members() != null) {
        for (String member : row.members().split(",")) if (!member.isBlank()) active.add(member.strip());
      }
    }
    return new Month(label, rows.size(), matters.size(), solved.size(), active.size());
  }
}

interface PlatformRepository extends JpaRepository<Platform, Long> {
  boolean existsByTownshipAndName(String township, String name);

  List<Platform> findAllByOrderByTownshipAscNameAsc();
}

interface PlatformMemberRepository extends JpaRepository<Member, Long> {
  List<Member> findByPlatformIdOrderByMemberUserIdAsc(Long platformId);
}

interface PlatformCheckRepository extends JpaRepository<Check, Long> {
  List<Check> findByPlatformIdOrderByCheckedOnAscRecordedAtAsc(Long platformId);
}
