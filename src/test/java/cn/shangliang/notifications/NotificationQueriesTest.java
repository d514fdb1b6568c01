package cn.shangliang.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shangliang.support.Http;
import cn.shangliang.support.PlatformTest;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The notifications list and the unread count read a part per recipient, each cut at the limit (issue #23): the
 * answers must be those of the one query over all of the user's notices they replaced, at every limit.
 */
@PlatformTest
class NotificationQueriesTest {
  @LocalServerPort int port;
  @Autowired Notifications notifications;
  @Autowired JdbcTemplate jdbc;

  @Test
  void eachLimitGivesTheNewestOfTheWholeList_andTheCountStopsWhereAsked() {
    String run = UUID.randomUUID().toString().substring(0, 8);
    String user = "nq-" + run;
    List<String> groups = List.of("nq-a-" + run, "nq-b-" + run);
    for (int i = 0; i < 12; i++) {
      // the same instant for many of them (the clock does not move): the id decides between them
      switch (i % 4) {
        case 0 -> notifications.toUser(user, "TEST", "本人 " + i, "", "SL-NQ-" + i);
        case 1, 2 -> notifications.toGroup(groups.get(i % 2), "TEST", "组 " + i, "", "SL-NQ-" + i);
        default -> notifications.toGroup("nq-other-" + run, "TEST", "别组 " + i, "", "SL-NQ-" + i);
      }
    }
    List<Notifications.Notification> whole = reference(user, groups, false);
    assertThat(whole).hasSize(9);
    notifications.markRead(user, groups, Long.parseLong(whole.get(1).id()));
    notifications.markRead(user, groups, Long.parseLong(whole.get(4).id()));
    whole = reference(user, groups, false);
    List<Notifications.Notification> unread = reference(user, groups, true);
    assertThat(unread).hasSize(7);

    for (int limit = 1; limit <= 10; limit++) {
      assertThat(notifications.of(user, groups, false, limit)).as("limit %d", limit).isEqualTo(whole.subList(0, Math.min(limit, 9)));
      assertThat(notifications.of(user, groups, true, limit)).as("unread, limit %d", limit).isEqualTo(unread.subList(0, Math.min(limit, 7)));
      assertThat(notifications.unread(user, groups, limit)).as("count up to %d", limit).isEqualTo(Math.min(limit, 7));
    }
    assertThat(notifications.unread(user, groups, null)).isEqualTo(7);
    assertThat(notifications.unread(user, List.of(), null)).as("the user's own only (none of them read)").isEqualTo(3);
  }

  @Test
  void theCountOverHttp_takesUpTo_andRefusesWhatIsOutOfRange() {
    Http supervisor = new Http(port).as("supervisor");
    long all = supervisor.get("/api/notifications/count").json().get("unread").asLong();
    assertThat(supervisor.get("/api/notifications/count?upTo=1").json().get("unread").asLong()).isEqualTo(Math.min(1, all));
    assertThat(supervisor.get("/api/public/staff-badge?upTo=10000").json().get("unread").asLong()).isEqualTo(Math.min(10_000, all));
    for (String upTo : List.of("0", "10001", "-3")) {
      Http.Response refused = supervisor.get("/api/notifications/count?upTo=" + upTo);
      assertThat(refused.status()).as(upTo).isEqualTo(400);
      assertThat(refused.body()).contains("upTo");
      assertThat(supervisor.get("/api/public/staff-badge?upTo=" + upTo).status()).isEqualTo(400);
    }
  }

  /** The query of before issue #23: every notice of the user and its groups at once, newest first. */
  private List<Notifications.Notification> reference(String user, List<String> groups, boolean unreadOnly) {
    List<Object> args = new ArrayList<>(List.of(user, user));
    args.addAll(groups);
    String sql = "select n.id, n.kind, n.title, n.message, n.tracking_code, n.created_at, r.read_at from notification n"
        + " left join notification_read r on r.notification_id = n.id and r.user_id = ?"
        + " where (n.recipient_user = ? or n.recipient_group in (" + String.join(",", groups.stream().map(g -> "?").toList()) + "))"
        + (unreadOnly ? " and r.read_at is null" : "") + " order by n.created_at desc, n.id desc";
    return jdbc.query(sql, (rs, i) -> new Notifications.Notification(String.valueOf(rs.getLong(1)), rs.getString(2), rs.getString(3),
        rs.getString(4), rs.getString(5), cn.shangliang.system.ChinaTime.of(rs.getTimestamp(6).toInstant()), rs.getTimestamp(7) != null),
        args.toArray());
  }
}
