package cn.shangliang.publicity;

import static cn.shangliang.support.Demands.body;
import static org.assertj.core.api.Assertions.assertThat;

import cn.shangliang.support.Http;
import cn.shangliang.support.PlatformTest;
import cn.shangliang.support.StatementCounter;
import cn.shangliang.support.TestClock;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The publicity board at volume (issue #23): the cursor ({@code before} = the last page's {@code next}) walks the
 * same notices as the page numbers do, through notices published at the same moment; the exact total comes from
 * the counter publishing keeps, not from counting; a page and a demand's public view cost a fixed number of
 * statements, however many notices, objections or merged demands they show.
 */
@PlatformTest
class PublicBoardPagingTest {
  @LocalServerPort int port;
  @Autowired PublicityNotices notices;
  @Autowired JdbcTemplate jdbc;

  @AfterEach
  void clock() {
    ClockUtil.reset();
  }

  /** A demand registered by the clerk and a notice of its result published at the clock's moment; answers its code. */
  String published() {
    JsonNode created = new Http(port).as("clerk").post("/api/demands", body()).json();
    notices.publish(created.get("id").asLong(), "DEPARTMENT", "transport", "已修复路面", Duration.ofDays(7), 1);
    return created.get("trackingCode").asText();
  }

  List<String> walk(String query) {
    List<String> seen = new ArrayList<>();
    Http http = new Http(port);
    JsonNode page = http.get("/api/public/notices?size=3" + query).json();
    for (int i = 0; i < 1000; i++) {
      page.get("content").forEach(n -> seen.add(n.get("id").asText()));
      if (page.get("next").isNull()) break;
      page = http.get("/api/public/notices?size=3&page=" + (i + 1) + "&before=" + page.get("next").asText()).json();
    }
    return seen;
  }

  @Test
  void theCursor_walksWhatThePagesShow_throughNoticesOfOneMoment_andTheTotalIsExact() {
    TestClock.at("2026-05-06T10:00:00+08:00"); // all published at the same moment: only the id orders them
    for (int i = 0; i < 4; i++) published();
    ClockUtil.reset();
    long total = jdbc.queryForObject("select count(*) from publicity_notice", Long.class);

    List<String> byCursor = walk("");
    List<String> byNumber = new ArrayList<>();
    Http http = new Http(port);
    for (int page = 0; page * 3 < total; page++) {
      http.get("/api/public/notices?size=3&page=" + page).json().get("content").forEach(n -> byNumber.add(n.get("id").asText()));
    }
    assertThat(byCursor).as("cursor walk").hasSize((int) total).doesNotHaveDuplicates().containsExactlyElementsOf(byNumber);
    JsonNode first = http.get("/api/public/notices?size=3").json();
    assertThat(first.get("totalElements").asLong()).as("the kept total").isEqualTo(total);
    assertThat(first.get("totalPages").asInt()).isEqualTo((int) ((total + 2) / 3));
    JsonNode last = http.get("/api/public/notices?size=3&page=" + (first.get("totalPages").asInt() - 1)).json();
    assertThat(last.get("next").isNull()).as("no next after the last page").isTrue();
  }

  @Test
  void aBadCursor_is400_namingIt() {
    Http.Response bad = new Http(port).get("/api/public/notices?before=not-a-cursor");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.json().get("errors").findValuesAsText("field")).containsExactly("before");
  }

  @Test
  void aPageOfTheBoard_costsTheSameStatements_whateverItsLength() {
    // other tests of the shared context publish at moments of their own, some years ahead: these five go on top
    // (the newest as the board shows it: how a time is stored differs between H2 and MariaDB)
    JsonNode newest = new Http(port).get("/api/public/notices?size=1").json().get("content");
    if (!newest.isEmpty()) {
      Instant latest = OffsetDateTime.parse(newest.get(0).get("publishedAt").asText()).toInstant();
      if (latest.isAfter(ClockUtil.getCurrentTime().toInstant())) ClockUtil.setCurrentTime(Date.from(latest.plusSeconds(60)));
    }
    for (int i = 0; i < 5; i++) objection(noticeOf(published()));
    Http http = new Http(port);
    var one = StatementCounter.count(() -> http.get("/api/public/notices?size=1"));
    var five = StatementCounter.count(() -> http.get("/api/public/notices?size=5"));
    System.out.println("STATEMENTS GET /api/public/notices: 1 notice " + one.statements() + ", 5 notices " + five.statements());
    assertThat(five.result().json().get("content")).hasSize(5);
    assertThat(five.result().json().get("content").get(0).get("objections")).hasSize(1);
    assertThat(five.statements()).as("notices, names, objections and the total: batched\n1 notice: %s\n5 notices: %s",
            String.join("\n  ", one.sql()), String.join("\n  ", five.sql())).isEqualTo(one.statements())
        .isLessThanOrEqualTo(4);
  }

  @Test
  void aDemandsPublicView_costsAFewStatements() {
    String code = published();
    var counted = StatementCounter.count(() -> new Http(port).get("/api/public/demands/" + code));
    System.out.println("STATEMENTS GET /api/public/demands/{code}: " + counted.statements());
    assertThat(counted.result().status()).isEqualTo(200);
    assertThat(counted.result().json().get("notice").get("result").asText()).isEqualTo("已修复路面");
    assertThat(counted.statements()).isLessThanOrEqualTo(10);
  }

  /** An objection as the public's leaves it, written directly (raising one needs the publicity process running). */
  void objection(long noticeId) {
    // ids below the generator's (it counts up from 1): no collision with records written later
    jdbc.update("insert into publicity_objection (id, notice_id, demand_id, reason, submitted_at, status) select ?, id, demand_id,"
        + " '路面还有一处没有修好', published_at, 'PENDING' from publicity_notice where id = ?", -System.nanoTime(), noticeId);
  }

  long noticeOf(String trackingCode) {
    return jdbc.queryForObject("select max(id) from publicity_notice where tracking_code = ?", Long.class, trackingCode);
  }
}
