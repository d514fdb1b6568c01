package cn.shangliang.system;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shangliang.organisation.Groups;
import cn.shangliang.support.Demands;
import cn.shangliang.support.Http;
import cn.shangliang.support.PlatformTest;
import cn.shangliang.support.WebappSession;
import java.nio.charset.StandardCharsets;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
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
 * webapp session but without its CSRF token says what it needs; with the token, our pages' writes are served.
 * A user of its own, so no demo user gets locked.
 */
@PlatformTest
class LoginAnswersTest {
  private static final String CSRF = "X-XSRF-TOKEN";
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
  void aWriteWithTheWebappSessionButWithoutItsToken_isToldWhatItNeeds_readsStillWork() {
    WebappSession.Login login = WebappSession.login(port, user, "right-" + user);
    assertThat(login.answer().status()).as(login.answer().body()).isEqualTo(200);
    Http session = login.http();

    for (Http unsafe : List.of(session.without(CSRF), session.header(CSRF, "not-the-sessions-token"), session.header(CSRF, ""))) {
      Http.Response write = unsafe.post("/api/demands", Demands.body());
      assertThat(write.status()).as(write.body()).isEqualTo(403);
      assertThat(write.header("WWW-Authenticate")).as("no password dialog in the browser").isNull();
      assertThat(write.header("content-type")).startsWith("application/problem+json");
      assertThat(write.json().get("detail").asText()).isEqualTo(SecurityConfig.SESSION_WRITE_WITHOUT_TOKEN).contains("CSRF 令牌");
      assertThat(write.json().get(SecurityConfig.CSRF_TOKEN_REQUIRED).asBoolean()).as("the page tells it from a role refusal").isTrue();
    }
    assertThat(session.without(CSRF).get("/api/demands/1").status()).as("a read with the session alone is served").isIn(200, 404);
  }

  @Test
  void aSessionWriteWithItsToken_isServedOnApi_asTheRolesAllow_neverOnEngineRest() {
    Http session = WebappSession.login(port, user, "right-" + user).http();

    Http.Response noRole = session.post("/api/platforms", Map.of("name", "无权平台", "kind", "CONSULTATION_ROOM", "township", "中峰镇"));
    assertThat(noRole.status()).as("intake may not register platforms").isEqualTo(403);
    assertThat(noRole.json().get("detail").asText()).isEqualTo("当前用户无权执行此操作");
    assertThat(noRole.json().has(SecurityConfig.CSRF_TOKEN_REQUIRED)).as("refused for the role, not the token").isFalse();

    Http.Response engineRest = session.post("/engine-rest/process-definition/key/demand/start", Map.of());
    assertThat(engineRest.status()).as("Camunda's REST API takes no session write").isEqualTo(403);
    assertThat(engineRest.json().get("type").asText()).isEqualTo("AuthorizationException");
    assertThat(engineRest.json().get("message").asText()).isEqualTo(SecurityConfig.SESSION_WRITE_REFUSED);
  }

  @Test
  void theLiaisonOffice_logsInOnTheLoginPage_andRecordsASixHasCheck_withTheSessionsToken() {
    WebappSession.Login login = WebappSession.login(port, "liaison", "liaison", "welcome");
    assertThat(login.answer().status()).as(login.answer().body()).isEqualTo(200);
    // the token as our pages learn it: from /login/token, on the same session
    String token = login.http().get("/login/token").json().get("token").asText();
    Http page = login.http().without(CSRF).header(CSRF, token);

    String name = "会话登记-" + UUID.randomUUID().toString().substring(0, 8);
    Http.Response created = page.post("/api/platforms", Map.of("name", name, "kind", "CONSULTATION_ROOM", "township", "中峰镇"));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    String id = created.json().get("id").asText();
    Http.Response check = page.post("/api/platforms/" + id + "/checks", Map.of("item", "PLACE", "met", true,
        "evidence", "议事室 40 平方米", "checkedOn", LocalDate.now(ChinaTime.ZONE).toString()));
    assertThat(check.status()).as(check.body()).isIn(200, 201);
    JsonNode place = page.get("/api/platforms/" + id).json().get("standard").get(0);
    assertThat(place.get("met").asBoolean()).isTrue();
    assertThat(place.get("checkedBy").asText()).as("recorded as the session's user").isEqualTo("liaison");

    assertThat(page.without(CSRF).post("/api/platforms/" + id + "/checks", Map.of("item", "SIGN", "met", true,
        "evidence", "门牌", "checkedOn", LocalDate.now(ChinaTime.ZONE).toString())).status())
        .as("the same write without the token").isEqualTo(403);
  }
}
