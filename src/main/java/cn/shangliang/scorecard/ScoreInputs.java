package cn.shangliang.scorecard;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.spi.BootstrapContext;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.event.service.spi.EventListenerRegistry;
import org.hibernate.event.spi.AbstractCollectionEvent;
import org.hibernate.event.spi.EventSource;
import org.hibernate.event.spi.EventType;
import org.hibernate.event.spi.PostCollectionRecreateEventListener;
import org.hibernate.event.spi.PostCollectionRemoveEventListener;
import org.hibernate.event.spi.PostCollectionUpdateEventListener;
import org.hibernate.event.spi.PostDeleteEvent;
import org.hibernate.event.spi.PostDeleteEventListener;
import org.hibernate.event.spi.PostInsertEvent;
import org.hibernate.event.spi.PostInsertEventListener;
import org.hibernate.event.spi.PostUpdateEvent;
import org.hibernate.event.spi.PostUpdateEventListener;
import org.hibernate.integrator.spi.Integrator;
import org.hibernate.jpa.boot.spi.IntegratorProvider;
import org.hibernate.persister.entity.AbstractEntityPersister;
import org.hibernate.persister.entity.EntityPersister;
import org.hibernate.service.spi.SessionFactoryServiceRegistry;
import org.springframework.boot.autoconfigure.orm.jpa.HibernatePropertiesCustomizer;
import org.springframework.stereotype.Component;

/**
 * Marks a matter's stored score out of date in the transaction that changes anything it is computed from: every
 * record the six steps and their modules write goes through Hibernate, so a listener on Hibernate's insert, update,
 * delete and collection events sees all of them without the writing modules knowing the scorecard. Just before the
 * commit (Hibernate's before-completion step, as Envers writes its audit rows) it inserts a row per matter into
 * {@code matter_score_change}: committed with the change or not at all, so a crash loses no mark; the worker and any
 * read of the matter's period recompute it. The tables are those {@link ScorecardRecords} reads.
 */
@Component
class ScoreInputs implements HibernatePropertiesCustomizer {
  /** Tables whose rows name their matter, by property. */
  private static final Map<String, List<String>> BY_MATTER = Map.ofEntries(
      Map.entry("meeting", List.of("demandId")), Map.entry("investigation", List.of("demandId")),
      Map.entry("decision", List.of("demandId")), Map.entry("reply_clock", List.of("demandId")),
      Map.entry("sla_breach", List.of("demandId")), Map.entry("publicity_objection", List.of("demandId")),
      Map.entry("publicity_notice", List.of("demandId")), Map.entry("consultation_round", List.of("demandId")),
      Map.entry("proposal_matter", List.of("demandId")), Map.entry("satisfaction_evaluation", List.of("matterId", "demandId")));
  /** Tables whose rows reach their matters through another table: property, and the query from it to the matters. */
  private static final Map<String, Lookup> BY_LOOKUP = Map.of(
      "round_opinion", new Lookup("roundId", "SELECT demand_id FROM consultation_round WHERE id IN (%s)"),
      "proposal", new Lookup("id", "SELECT demand_id FROM proposal_matter WHERE proposal_id IN (%s)"),
      "platform", new Lookup("id", "SELECT demand_id FROM meeting WHERE recorded_at IS NOT NULL AND platform_id IN (%s)"),
      "platform_check", new Lookup("platformId",
          "SELECT demand_id FROM meeting WHERE recorded_at IS NOT NULL AND platform_id IN (%s)"));

  record Lookup(String property, String query) {}

  private final ScoreChanges signal;
  private final Map<SharedSessionContractImplementor, Pending> pending = new ConcurrentHashMap<>();

  ScoreInputs(ScoreChanges signal) {
    this.signal = signal;
  }

  /** What one transaction changed: matters by id, and keys to look matters up by, per query. */
  private static final class Pending {
    final Set<Long> matters = new LinkedHashSet<>();
    final Map<String, Set<Long>> lookups = new HashMap<>();
  }

  @Override
  public void customize(Map<String, Object> properties) {
    properties.put("hibernate.integrator_provider",
        (IntegratorProvider) () -> List.of(new Listening()));
  }

  private final class Listening implements Integrator {
    @Override
    public void integrate(Metadata metadata, BootstrapContext bootstrap, SessionFactoryImplementor factory) {
      EventListenerRegistry events = factory.getServiceRegistry().getService(EventListenerRegistry.class);
      Rows rows = new Rows();
      events.appendListeners(EventType.POST_INSERT, rows);
      events.appendListeners(EventType.POST_UPDATE, rows);
      events.appendListeners(EventType.POST_DELETE, rows);
      events.appendListeners(EventType.POST_COLLECTION_RECREATE, (PostCollectionRecreateEventListener) ScoreInputs.this::changed);
      events.appendListeners(EventType.POST_COLLECTION_UPDATE, (PostCollectionUpdateEventListener) ScoreInputs.this::changed);
      events.appendListeners(EventType.POST_COLLECTION_REMOVE, (PostCollectionRemoveEventListener) ScoreInputs.this::changed);
    }

    @Override
    public void disintegrate(SessionFactoryImplementor factory, SessionFactoryServiceRegistry registry) {}
  }

  /** Rows written: inserted, updated (before and after), deleted. */
  private final class Rows implements PostInsertEventListener, PostUpdateEventListener, PostDeleteEventListener {
    @Override
    public void onPostInsert(PostInsertEvent e) {
      // a new demand has met nobody yet: intake pays nothing for the scorecard
      if (!table(e.getPersister()).equals("demand")) changed(e.getSession(), e.getPersister(), e.getId(), e.getState());
    }

    @Override
    public void onPostUpdate(PostUpdateEvent e) {
      changed(e.getSession(), e.getPersister(), e.getId(), e.getState());
      if (e.getOldState() != null) changed(e.getSession(), e.getPersister(), e.getId(), e.getOldState());
    }

    @Override
    public void onPostDelete(PostDeleteEvent e) {
      changed(e.getSession(), e.getPersister(), e.getId(), e.getDeletedState());
    }

    @Override
    public boolean requiresPostCommitHandling(EntityPersister persister) {
      return false;
    }
  }

  private static String table(EntityPersister persister) {
    return persister instanceof AbstractEntityPersister p ? p.getTableName() : "";
  }

  /** An element collection (a decision's action items) changed: its owner's matter. */
  private void changed(AbstractCollectionEvent e) {
    Object owner = e.getAffectedOwnerOrNull();
    if (owner == null) return;
    EntityPersister persister = e.getSession().getEntityPersister(e.getAffectedOwnerEntityName(), owner);
    changed(e.getSession(), persister, e.getAffectedOwnerIdOrNull(), persister.getValues(owner));
  }

  private void changed(EventSource session, EntityPersister persister, Object id, Object[] state) {
    String table = table(persister);
    List<String> properties = BY_MATTER.get(table);
    Lookup lookup = BY_LOOKUP.get(table);
    if (table.equals("demand")) pending(session).matters.add(((Number) id).longValue());
    else if (properties != null) {
      for (String property : properties) {
        if (value(persister, id, state, property) instanceof Number n) pending(session).matters.add(n.longValue());
      }
    } else if (lookup != null && value(persister, id, state, lookup.property()) instanceof Number n) {
      pending(session).lookups.computeIfAbsent(lookup.query(), q -> new LinkedHashSet<>()).add(n.longValue());
    }
  }

  private static Object value(EntityPersister persister, Object id, Object[] state, String property) {
    if (property.equals("id")) return id;
    return state == null ? null : state[persister.getPropertyIndex(property)];
  }

  private Pending pending(EventSource session) {
    return pending.computeIfAbsent(session, s -> {
      Pending p = new Pending();
      session.getActionQueue().registerProcess(done -> done.doWork(connection -> mark(connection, p)));
      session.getActionQueue().registerProcess((success, closing) -> {
        pending.remove(closing);
        if (success) signal.changed();
      });
      return p;
    });
  }

  /** In the writing transaction, after its last flush: a change row per matter met about or scored already. */
  private void mark(Connection connection, Pending p) throws SQLException {
    Set<Long> matters = new LinkedHashSet<>(p.matters);
    for (Map.Entry<String, Set<Long>> lookup : p.lookups.entrySet()) matters.addAll(longs(connection, lookup.getKey(), lookup.getValue()));
    if (matters.isEmpty()) return;
    String scored = "SELECT demand_id FROM meeting WHERE recorded_at IS NOT NULL AND demand_id IN (%s)"
        + " UNION SELECT demand_id FROM matter_score WHERE demand_id IN (%1$s)";
    Set<Long> marked = new LinkedHashSet<>(longs(connection, scored, matters));
    if (marked.isEmpty()) return;
    try (PreparedStatement insert = connection.prepareStatement("INSERT INTO matter_score_change (demand_id) VALUES (?)")) {
      for (long matter : marked) {
        insert.setLong(1, matter);
        insert.addBatch();
      }
      insert.executeBatch();
    }
  }

  private static List<Long> longs(Connection connection, String query, Collection<Long> ids) throws SQLException {
    String marks = ids.stream().map(id -> "?").collect(Collectors.joining(","));
    String sql = query.formatted(marks);
    int params = (sql.length() - sql.replace("?", "").length());
    List<Long> values = new ArrayList<>();
    try (PreparedStatement select = connection.prepareStatement(sql)) {
      int i = 1;
      while (i <= params) for (long id : ids) select.setLong(i++, id);
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) values.add(rs.getLong(1));
      }
    }
    return values;
  }
}
