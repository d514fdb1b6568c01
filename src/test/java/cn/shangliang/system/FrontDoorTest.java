package cn.shangliang.system;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shangliang.support.Http;
import cn.shangliang.support.PlatformTest;
import cn.shangliang.support.WebappSession;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The staff's front door (issue #22, item 3): a browser opening a page without a login gets the Chinese login
 * page, never a password dialog; one refused a page or asking for one that does not exist gets a Chinese page;
 * the home page says who is logged in and what their roles open. API clients get exactly what API.md says:
 * 401 with HTTP Basic and problem JSON, whatever page-like path they ask for.
 */
@PlatformTest
class FrontDoorTest {
  static final String BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8";

  @LocalServerPort int port;

  Http browser() {
    return new Http(port).header("Accept", BROWSER);
  }

  @Test
  void aBrowserWithoutALogin_isSentToTheLoginPage_andBackAfterwards() {
    Http.Response home = browser().get("/");
    assertThat(home.status()).isEqualTo(302);
    assertThat(home.header("Location")).endsWith("/login?next=%2F");
    assertThat(home.header("WWW-Authenticate")).as("no password dialog").isNull();
    Http.Response dashboard = browser().get("/dashboard?from=2026-01-01");
    assertThat(dashboard.status()).isEqualTo(302);
    assertThat(dashboard.header("Location")).endsWith("/login?next=%2Fdashboard%3Ffrom%3D2026-01-01");

    Http.Response login = browser().get("/login?next=%2Fdashboard");
    assertThat(login.status()).isEqualTo(200);
    assertThat(login.header("content-type")).startsWith("text/html");
    assertThat(login.body()).contains("工作人员登录", "用户名", "密码", "/login/login.js", "商量");
    assertThat(browser().get("/login/session.js").body()).as("logs in to the webapps' session")
        .contains("/camunda/api/admin/auth/user/default", "/login/welcome", "X-XSRF-TOKEN", "/login/token");
    assertThat(browser().get("/login/login.js").body()).contains("shangliangSession.login", "next");
    assertThat(browser().get("/public").status()).as("the public page stays open").isEqualTo(200);
  }

  @Test
  void apiClients_keepHttpBasicAndProblemJson_whateverTheyAccept() {
    for (String path : List.of("/", "/dashboard", "/api/demands/1", "/api/me")) {
      Http.Response client = new Http(port).get(path);
      assertThat(client.status()).as(path).isEqualTo(401);
      assertThat(client.header("WWW-Authenticate")).as(path).startsWith("Basic");
      assertThat(client.header("content-type")).as(path).startsWith("application/problem+json");
    }
    for (String path : List.of("/api/demands/1", "/engine-rest/task")) {
      Http.Response htmlAccepted = browser().get(path);
      assertThat(htmlAccepted.status()).as(path + " stays an API path for a browser too").isEqualTo(401);
      assertThat(htmlAccepted.header("WWW-Authenticate")).as(path).startsWith("Basic");
      assertThat(htmlAccepted.header("content-type")).as(path).startsWith("application/");
    }
    Http.Response wrongPassword = browser().header("Authorization", "Basic bm9ib2R5Om5vYm9keQ==").get("/dashboard");
    assertThat(wrongPassword.status()).as("credentials sent and refused: answered as before").isEqualTo(401);
  }

  @Test
  void aRefusedPage_isAChinesePageForTheBrowser_andProblemJsonForClients() {
    Http.Response page = browser().as("transport").header("Accept", BROWSER).get("/dashboard");
    assertThat(page.status()).isEqualTo(403);
    assertThat(page.header("content-type")).startsWith("text/html");
    assertThat(page.body()).contains("403", "无权", "返回首页", "lang=\"zh-CN\"").doesNotContain("\"status\"");
    Http.Response client = new Http(port).as("transport").get("/dashboard");
    assertThat(client.status()).isEqualTo(403);
    assertThat(client.header("content-type")).startsWith("application/problem+json");
    Http.Response api = new Http(port).as("transport").header("Accept", BROWSER).get("/api/sla/summary");
    assertThat(api.status()).isEqualTo(403);
    assertThat(api.header("content-type")).as("an API path answers JSON to a browser too").startsWith("application/problem+json");
  }

  @Test
  void anUnknownPage_isAChinesePageForTheBrowser_andProblemJsonForClients() {
    Http.Response page = new Http(port).as("supervisor").header("Accept", BROWSER).get("/no-such-page");
    assertThat(page.status()).isEqualTo(404);
    assertThat(page.header("content-type")).startsWith("text/html");
    assertThat(page.body()).contains("404", "未找到", "返回首页");
    Http.Response client = new Http(port).as("supervisor").get("/no-such-page");
    assertThat(client.status()).isEqualTo(404);
    assertThat(client.header("content-type")).startsWith("application/problem+json");
    Http.Response api = new Http(port).as("supervisor").header("Accept", BROWSER).get("/api/no-such-thing");
    assertThat(api.status()).isEqualTo(404);
    assertThat(api.header("content-type")).startsWith("application/problem+json");
  }

  @Test
  void oneLogin_opensTheHomePage_ourPages_andTheWebapps() {
    WebappSession.Login login = WebappSession.login(port, "supervisor", "supervisor", "welcome");
    assertThat(login.answer().status()).as(login.answer().body()).isEqualTo(200);
    Http session = login.http();
    Http.Response home = session.header("Accept", BROWSER).get("/");
    assertThat(home.status()).isEqualTo(200);
    assertThat(home.body()).contains("商量", "/home/home.js", "退出登录");
    assertThat(session.header("Accept", BROWSER).get("/dashboard").status()).as("the dashboard on the same login").isEqualTo(200);
    assertThat(session.get("/camunda/api/engine/engine/default/filter?resourceType=Task").status())
        .as("Tasklist's API on the same login").isEqualTo(200);

    JsonNode me = session.get("/api/me").json();
    assertThat(me.get("user").asText()).isEqualTo("supervisor");
    assertThat(me.get("name").asText()).isNotEqualTo("supervisor").isNotBlank();
    assertThat(texts(me.get("roles"), "name")).contains("督查督办");
    assertThat(texts(me.get("places"), "key")).contains("tasklist", "dashboard", "calendar", "platforms", "public")
        .doesNotContain("rules-state", "admin");
    assertThat(texts(me.get("filters"), "name")).contains("我的待办", "本组待办", "即将到期", "已超期", "待我督办");
    JsonNode mine = StreamSupport.stream(me.get("filters").spliterator(), false)
        .filter(f -> f.get("name").asText().equals("我的待办")).findFirst().orElseThrow();
    assertThat(mine.get("count").isIntegralNumber()).isTrue();
    assertThat(mine.get("href").asText()).startsWith("/camunda/app/tasklist/#/?filter=" + mine.get("id").asText());
  }

  /** Camunda gives its CSRF token out once, in a cookie our pages cannot read: /login/token tells it again. */
  @Test
  void theLoginPage_learnsTheSessionsCsrfToken_evenAfterCamundaHandedItOut() {
    assertThat(new Http(port).get("/login/token").json().has("token")).as("no session, no token").isFalse();
    WebappSession.Login login = WebappSession.login(port, "designer", "designer", "welcome");
    JsonNode token = login.http().get("/login/token").json();
    assertThat(token.get("token").asText()).isNotBlank();
    Http.Response logout = login.http().header("X-XSRF-TOKEN", token.get("token").asText())
        .header("Origin", "http://localhost:" + port).postForm("/camunda/api/admin/auth/user/default/logout", "");
    assertThat(logout.status()).as("Camunda accepts it: " + logout.body()).isEqualTo(200);
    assertThat(login.http().header("Accept", BROWSER).get("/").status()).as("logged out").isEqualTo(302);
  }

  @Test
  void theHomePage_offersWhatEachRoleOpens_andNothingElse() {
    JsonNode department = new Http(port).as("transport").get("/api/me").json();
    assertThat(texts(department.get("places"), "key")).containsExactly("tasklist", "platforms", "public");
    assertThat(texts(department.get("filters"), "name")).contains("本组待办").doesNotContain("待我督办");

    Http.Response designerLogin = WebappSession.login(port, "designer", "designer", "welcome").answer();
    assertThat(designerLogin.status()).as("a designer logs in on the login page too").isEqualTo(200);
    JsonNode designer = new Http(port).as("designer").get("/api/me").json();
    assertThat(texts(designer.get("places"), "key")).contains("rules-state", "cockpit", "public").doesNotContain("dashboard", "platforms");

    JsonNode admin = new Http(port).as("admin").get("/api/me").json();
    assertThat(texts(admin.get("places"), "key")).contains("dashboard", "rules-state", "cockpit", "admin");
  }

  /** The offer and the rules never part: every page offered opens, every page of ours not offered is refused. */
  @Test
  void everyRole_opensEveryPageOffered_andIsRefusedTheOthers() {
    for (String user : AuthorizationMatrixTest.USERS.keySet()) {
      List<String> offered = texts(new Http(port).as(user).get("/api/me").json().get("places"), "href");
      for (String page : List.of("/dashboard", "/calendar", "/rules-state", "/platforms", "/public")) {
        int status = new Http(port).as(user).get(page).status();
        assertThat(status).as(user + " " + page + (offered.contains(page) ? " offered" : " not offered"))
            .isEqualTo(offered.contains(page) ? 200 : 403);
      }
    }
  }

  private static List<String> texts(JsonNode array, String field) {
    return StreamSupport.stream(array.spliterator(), false).map(n -> n.get(field).asText()).toList();
  }
}
