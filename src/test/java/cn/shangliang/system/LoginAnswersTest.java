package cn.shangliang.system;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shangliang.organisation.Groups;
import cn.shangliang.support.Demands;
import cn.shangliang.support.Http;
import cn.shangliang.support.PlatformTest;
import cn.shangliang.support.WebappSession;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Clear answers at the door (issue #19, item 5): after a wrong password the answer says the account is locked
 * for a while and for how long — on /api, /engine-rest and the webapps' login form — and a write sent with a
 * webapp session alone says that writes need HTTP Basic. A user of its own, so no demo user gets locked.
 */
@PlatformTest
class LoginAnswersTest {
  @LocalServerPort int port;
  @Autowired IdentityService identityService;
  String user;

  @BeforeEach
  void aUserOfItsOwn() {
    user = "door-" + UUID.randomUUID().toString().substring(0, 8);
    var created = identityService.newUser(user);
    created.setPassword("right-" + user);
    identityService.saveUser(created);
    identityService.createMembership(user, Groups.INTAKE);
  }

  @AfterEach
  void remove() {
    identityService.deleteUser(user);
  }

  Http basic(String password) {
    return new Http(port).header("Authorization", "Basic "
        + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void wrongPassword_onApi_saysLockedAndForHowLong_evenTheRightPasswordWaits() {
    Http.Response wrong = basic("wrong").get("/api/demands/1");
    assertThat(wrong.status()).isEqualTo(401);
    assertThat(wrong.header("content-type")).startsWith("application/problem+json");
    assertThat(wrong.json().get("detail").asText()).contains("暂时锁定").containsPattern("请 \\d+ 秒后再试");
    assertThat(Integer.parseInt(wrong.header("Retry-After"))).isBetween(1, 60);

    Http.Response rightTooSoon = basic("right-" + user).get("/api/demands/1");
    assertThat(rightTooSoon.status()).isEqualTo(401);
    assertThat(rightTooSoon.json().get("detail").asText()).contains("暂时锁定");
  }

  @Test
  void wrongPassword_onEngineRest_saysSoInCamundasErrorJson() {
    Http.Response wrong = basic("wrong").get("/engine-rest/task");
    assertThat(wrong.status()).isEqualTo(401);
    assertThat(wrong.json().get("type").asText()).isEqualTo("AuthenticationException");
    assertThat(wrong.json().get("message").asText()).contains("暂时锁定").containsPattern("\\d+ 秒");
  }

  @Test
  void anUnknownUser_isToldNothingAboutLocks() {
    Http.Response unknown = new Http(port).header("Authorization", "Basic "
        + Base64.getEncoder().encodeToString("nobody-here:wrong".getBytes(StandardCharsets.UTF_8))).get("/api/demands/1");
    assertThat(unknown.status()).isEqualTo(401);
    assertThat(unknown.body()).doesNotContain("锁定");
  }

  @Test
  void wrongPassword_inTheWebappLoginForm_answersTheMessageTasklistShows() {
    WebappSession.Login login = WebappSession.login(port, user, "wrong");
    assertThat(login.answer().status()).isEqualTo(401);
    assertThat(login.answer().json().get("message").asText()).contains("暂时锁定").containsPattern("\\d+ 秒");
  }

  @Test
  void aWriteWithTheWebappSessionAlone_isToldWritesNeedBasic_readsStillWork() {
    WebappSession.Login login = WebappSession.login(port, user, "right-" + user);
    assertThat(login.answer().status()).as(login.answer().body()).isEqualTo(200);
    Http session = login.http();

    Http.Response write = session.post("/api/demands", Demands.body());
    assertThat(write.status()).isEqualTo(403);
    assertThat(write.header("WWW-Authenticate")).as("no password dialog in the browser").isNull();
    assertThat(write.json().get("detail").asText()).isEqualTo("写操作需使用 HTTP Basic 认证（API 客户端）；网页会话只能读取");
    assertThat(session.get("/api/demands/1").status()).as("a read with the session is served").isIn(200, 404);
  }
}
