package cn.shangliang.notifications;

import cn.shangliang.system.ChinaTime;
import cn.shangliang.system.NotFoundException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * In-app notifications (提醒): reminders, breaches, escalations, returned replies and assignments reach the
 * people concerned — a user, or everyone of a group (each member reads it for themself). Written in the
 * transaction of the event that causes them; by e-mail too when an SMTP server is configured ({@link MailNotifier}).
 */
@Service
public class Notifications {
  public record Notification(String id, String kind, String title, String message, String trackingCode,
      OffsetDateTime createdAt, boolean read) {}

  private final JdbcTemplate jdbc;
  private final NotificationRecordRepository records;
  private final Clock clock;
  private final MailNotifier mail;

  Notifications(JdbcTemplate jdbc, NotificationRecordRepository records, Clock clock, MailNotifier mail) {
    this.mail = mail;
    this.jdbc = jdbc;
    this.records = records;
    this.clock = clock;
  }

  @Transactional
  public void toGroup(String group, String kind, String title, String message, String trackingCode) {
    insert(null, group, kind, title, message, trackingCode);
  }

  @Transactional
  public void toUser(String user, String kind, String title, String message, String trackingCode) {
    insert(user, null, kind, title, message, trackingCode);
  }

  /**
   * A new task offered to a group: unless this transaction has already told the group of this matter (the breach
   * that opened a supervision task, a proposal's assignment that opened its first task) — one event, one notice.
   */
  @Transactional
  public void toGroupUnlessTold(String group, String kind, String title, String message, String trackingCode) {
    if (!toldInThisTransaction().contains(key(null, group, trackingCode))) insert(null, group, kind, title, message, trackingCode);
  }

  @Transactional
  public void toUserUnlessTold(String user, String kind, String title, String message, String trackingCode) {
    if (!toldInThisTransaction().contains(key(user, null, trackingCode))) insert(user, null, kind, title, message, trackingCode);
  }

  private static String key(String user, String group, String trackingCode) {
    return (user != null ? "u:" + user : "g:" + group) + "|" + trackingCode;
  }

  /** Who has been told of which matter in the current transaction (empty outside one). */
  @SuppressWarnings("unchecked")
  private static Set<String> toldInThisTransaction() {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) return new HashSet<>();
    Set<String> told = (Set<String>) TransactionSynchronizationManager.getResource(TOLD);
    if (told == null) {
      Set<String> fresh = new HashSet<>();
      TransactionSynchronizationManager.bindResource(TOLD, fresh);
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCompletion(int status) {
          TransactionSynchronizationManager.unbindResourceIfPossible(TOLD);
        }
      });
      told = fresh;
    }
    return told;
  }

  private static final Object TOLD = new Object();

  private void insert(String user, String group, String kind, String title, String message, String trackingCode) {
    toldInThisTransaction().add(key(user, group, trackingCode));
    records.saveAndFlush(new NotificationRecord(user, group, kind, cut(title, 200), cut(message, 1000), trackingCode, clock.instant()));
    mail.send(user, group, cut(title, 200), message, trackingCode);
  }

  /** The user's notifications (direct and through its groups), newest first. */
  @Transactional(readOnly = true)
  public List<Notification> of(String user, List<String> groups, boolean unreadOnly, int limit) {
    List<Object> args = new ArrayList<>(List.of(user, user));
    String inGroups = groups.isEmpty() ? "" : " or n.recipient_group in (" + String.join(",", groups.stream().map(g -> "?").toList()) + ")";
    args.addAll(groups);
    String sql = "select n.id, n.kind, n.title, n.message, n.tracking_code, n.created_at, r.read_at from notification n"
        + " left join notification_read r on r.notification_id = n.id and r.user_id = ?"
        + " where (n.recipient_user = ?" + inGroups + ")" + (unreadOnly ? " and r.read_at is null" : "")
        + " order by n.created_at desc, n.id desc";
    List<Notification> result = jdbc.query(sql, (rs, i) -> new Notification(String.valueOf(rs.getLong(1)), rs.getString(2),
        rs.getString(3), rs.getString(4), rs.getString(5),
        ChinaTime.of(rs.getTimestamp(6).toInstant()), rs.getTimestamp(7) != null), args.toArray());
    return result.size() > limit ? result.subList(0, limit) : result;
  }

  @Transactional
  public void markRead(String user, List<String> groups, long id) {
    boolean mine = of(user, groups, false, Integer.MAX_VALUE).stream().anyMatch(n -> n.id().equals(String.valueOf(id)));
    if (!mine) throw new NotFoundException("notification " + id);
    Long already = jdbc.queryForObject("select count(*) from notification_read where notification_id = ? and user_id = ?", Long.class,
        id, user);
    if (already != null && already == 0) {
      jdbc.update("insert into notification_read (notification_id, user_id, read_at) values (?, ?, ?)", id, user,
          Timestamp.from(clock.instant()));
    }
  }

  private static String cut(String text, int max) {
    return text == null || text.length() <= max ? text : text.substring(0, max);
  }
}
