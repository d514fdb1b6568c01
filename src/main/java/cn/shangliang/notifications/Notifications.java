package cn.shangliang.notifications;

import cn.shangliang.system.ChinaTime;
import cn.shangliang.system.NotFoundException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
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

  /**
   * The user's notifications (direct and through its groups), newest first. A part per recipient, each reading its
   * index ({@code recipient_user} or {@code recipient_group}, then {@code created_at}) backwards and stopping at
   * {@code limit}: a group's notices pile up over the years (half a million for the liaison office at 1M matters), and
   * one query with {@code OR} read them all to keep the newest few (issue #23).
   */
  @Transactional(readOnly = true)
  public List<Notification> of(String user, List<String> groups, boolean unreadOnly, int limit) {
    // a query per recipient, merged here: a notice has one recipient, a user or a group, so the parts do not overlap
    List<Row> rows = new ArrayList<>();
    for (String[] recipient : recipients(user, groups)) {
      String sql = "select n.id, n.kind, n.title, n.message, n.tracking_code, n.created_at, (select r.read_at from notification_read r"
          + " where r.notification_id = n.id and r.user_id = ?) as read_at from notification n where n." + recipient[0] + " = ?"
          + (unreadOnly ? UNREAD : "") + " order by n.created_at desc, n.id desc limit ?";
      Object[] args = unreadOnly ? new Object[] {user, recipient[1], user, limit} : new Object[] {user, recipient[1], limit};
      rows.addAll(jdbc.query(sql, (rs, i) -> new Row(rs.getLong(1), rs.getTimestamp(6).toInstant(), new Notification(
          String.valueOf(rs.getLong(1)), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
          ChinaTime.of(rs.getTimestamp(6).toInstant()), rs.getTimestamp(7) != null)), args));
    }
    return rows.stream().sorted(NEWEST_FIRST).limit(limit).map(Row::notification).toList();
  }

  private record Row(long id, Instant createdAt, Notification notification) {}

  private static final Comparator<Row> NEWEST_FIRST = Comparator.comparing(Row::createdAt).thenComparingLong(Row::id).reversed();

  /**
   * How many of the user's notifications are unread, counted in the database; with {@code upTo}, counting stops there
   * (the badge shows 99+): each part then reads at most {@code upTo} index entries, whatever the years piled up.
   */
  @Transactional(readOnly = true)
  public long unread(String user, List<String> groups, Integer upTo) {
    long total = 0;
    for (String[] recipient : recipients(user, groups)) {
      String unread = "select n.id from notification n where n." + recipient[0] + " = ?" + UNREAD
          + (upTo == null ? "" : " limit " + (upTo - total));
      total += jdbc.queryForObject("select count(*) from (" + unread + ") u", Long.class, recipient[1], user);
      if (upTo != null && total >= upTo) return upTo;
    }
    return total;
  }

  /** Not read by the user (a parameter). */
  private static final String UNREAD = " and not exists (select 1 from notification_read r where r.notification_id = n.id"
      + " and r.user_id = ?)";

  /** {column, value} for the user and each of its groups, in that order. */
  private static List<String[]> recipients(String user, List<String> groups) {
    List<String[]> recipients = new ArrayList<>();
    recipients.add(new String[] {"recipient_user", user});
    groups.stream().distinct().forEach(g -> recipients.add(new String[] {"recipient_group", g}));
    return recipients;
  }

  @Transactional
  public void markRead(String user, List<String> groups, long id) {
    // the notice's own recipient, not the user's whole list (half a million notices for a group after five years)
    List<Map<String, Object>> to = jdbc.queryForList("select recipient_user, recipient_group from notification where id = ?", id);
    boolean mine = !to.isEmpty() && (user.equals(to.get(0).get("recipient_user")) || groups.contains(to.get(0).get("recipient_group")));
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
