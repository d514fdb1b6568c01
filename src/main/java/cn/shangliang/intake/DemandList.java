package cn.shangliang.intake;

import cn.shangliang.routing.Category;
import cn.shangliang.routing.Route;
import cn.shangliang.routing.Urgency;
import cn.shangliang.system.ChinaTime;
import cn.shangliang.system.KeysetCursor;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The staff list of demands ({@code GET /api/demands}): filtered, newest first, paged by a keyset cursor so
 * that a deep page costs what the first one does. Two statements per page, whatever its size: the rows, and
 * the latest route of each (indexes in V19).
 */
@Service
public class DemandList {

  /** What to list; {@code departments} limits department staff to their demands (null: no limit). */
  public record Filter(String township, String village, DemandStatus status, Category category, Instant from,
      Instant to, Set<String> departments) {}

  /** One line of the list: enough for a clerk to recognise the demand without opening it. */
  public record Row(String id, String trackingCode, String title, String township, String village, String category,
      String categoryName, String status, String statusLabel, String channel, String channelLabel, String urgency,
      String urgencyLabel, String submitterName, String route, String routeLabel, String leadDepartment,
      OffsetDateTime createdAt, OffsetDateTime updatedAt) {}

  /** {@code next}: the cursor of the page after this one ({@code after=}), null on the last page. */
  public record Page(List<Row> content, int limit, String next) {}

  private final EntityManager entities;

  DemandList(EntityManager entities) {
    this.entities = entities;
  }

  @Transactional(readOnly = true)
  public Page list(Filter filter, KeysetCursor after, int limit) {
    List<Object[]> rows = rows(filter, after, limit + 1);
    boolean more = rows.size() > limit;
    if (more) rows = rows.subList(0, limit);
    Map<Long, Object[]> routes = latestRoutes(rows.stream().map(r -> (Long) r[0]).toList());
    List<Row> content = rows.stream().map(r -> row(r, routes.get((Long) r[0]))).toList();
    Object[] last = more ? rows.get(rows.size() - 1) : null;
    return new Page(content, limit, last == null ? null : new KeysetCursor((Instant) last[10], (Long) last[0]).text());
  }

  private List<Object[]> rows(Filter filter, KeysetCursor after, int max) {
    StringBuilder jpql = new StringBuilder("select d.id, d.trackingCode, d.title, d.township, d.village, d.category,"
        + " d.status, d.channel, d.urgency, d.submitterName, d.createdAt, d.updatedAt from Demand d where 1 = 1");
    Map<String, Object> parameters = new LinkedHashMap<>();
    condition(jpql, parameters, filter.township(), " and d.township = :township", "township");
    condition(jpql, parameters, filter.village(), " and d.village = :village", "village");
    condition(jpql, parameters, filter.status(), " and d.status = :status", "status");
    condition(jpql, parameters, filter.category(), " and d.category = :category", "category");
    condition(jpql, parameters, filter.from(), " and d.createdAt >= :from", "from");
    condition(jpql, parameters, filter.to(), " and d.createdAt < :to", "to");
    if (after != null) {
      // the redundant "<=" gives the database a range on created_at; the "or" breaks ties by id
      jpql.append(" and d.createdAt <= :afterAt and (d.createdAt < :afterAt or d.id < :afterId)");
      parameters.put("afterAt", after.at());
      parameters.put("afterId", after.id());
    }
    if (filter.departments() != null) departments(jpql, parameters, filter.departments());
    jpql.append(" order by d.createdAt desc, d.id desc");
    TypedQuery<Object[]> query = entities.createQuery(jpql.toString(), Object[].class).setMaxResults(max);
    parameters.forEach(query::setParameter);
    return query.getResultList();
  }

  private static void condition(StringBuilder jpql, Map<String, Object> parameters, Object value, String clause, String name) {
    if (value == null) return;
    jpql.append(clause);
    parameters.put(name, value);
  }

  /**
   * Department staff: the demands some routing decision gave to one of their departments, as lead or co-handler.
   * A count, not EXISTS: MariaDB turns EXISTS into a semi-join that reads every routing decision (350 ms at 1M);
   * the count is checked row by row down the created_at index and stops with the page (3 ms).
   */
  private static void departments(StringBuilder jpql, Map<String, Object> parameters, Set<String> departments) {
    jpql.append(" and (select count(r.id) from RoutingRecord r where r.demandId = d.id and (r.leadDepartment in :departments");
    parameters.put("departments", departments.isEmpty() ? Set.of("") : departments);
    int i = 0;
    for (String department : departments) {
      jpql.append(" or concat(',', r.coDepartments, ',') like :co").append(i);
      parameters.put("co" + i++, "%," + department + ",%");
    }
    jpql.append(")) > 0");
  }

  /** The latest routing decision of each demand, in one statement (scalars only: no reasons collection to load). */
  private Map<Long, Object[]> latestRoutes(List<Long> demandIds) {
    Map<Long, Object[]> latest = new HashMap<>();
    if (demandIds.isEmpty()) return latest;
    entities.createQuery("select r.demandId, r.route, r.leadDepartment from RoutingRecord r where r.demandId in :ids"
            + " order by r.evaluatedAt asc, r.id asc", Object[].class)
        .setParameter("ids", demandIds).getResultList().forEach(r -> latest.put((Long) r[0], r));
    return latest;
  }

  private static Row row(Object[] r, Object[] routed) {
    Category category = (Category) r[5];
    DemandStatus status = (DemandStatus) r[6];
    Channel channel = (Channel) r[7];
    Urgency urgency = (Urgency) r[8];
    Route route = routed == null ? null : (Route) routed[1];
    return new Row(String.valueOf(r[0]), (String) r[1], (String) r[2], (String) r[3], (String) r[4], category.name(),
        category.label(), status.name(), status.label(), channel.name(), channel.label(), urgency.name(), urgency.label(),
        (String) r[9], route == null ? null : route.name(), route == null ? null : route.label(),
        routed == null ? null : (String) routed[2], ChinaTime.of((Instant) r[10]), ChinaTime.of((Instant) r[11]));
  }
}
