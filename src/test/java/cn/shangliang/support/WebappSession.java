package cn.shangliang.support;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** A login through the webapps' login form, as Tasklist does it: the session cookie and the CSRF token it needs. */
public final class WebappSession {
  private WebappSession() {}

  /** @param http the session's client (no HTTP Basic), carrying the cookies and the CSRF header */
  public record Login(Http.Response answer, Http http) {}

  public static Login login(int port, String user, String password) {
    return login(port, user, password, "tasklist");
  }

  /** @param app the webapp logged in to: {@code welcome} (what our login page uses) lets in anyone with a password */
  public static Login login(int port, String user, String password, String app) {
    Http anonymous = new Http(port);
    Http.Response page = anonymous.get("/camunda/app/tasklist/");
    Map<String, String> cookies = new LinkedHashMap<>(cookies(page));
    String token = page.header("X-XSRF-TOKEN");
    Http before = with(anonymous, cookies, token);
    Http.Response answer = before.postForm("/camunda/api/admin/auth/user/default/login/" + app,
        "username=" + encode(user) + "&password=" + encode(password));
    cookies.putAll(cookies(answer));
    // the login starts a new session: its CSRF token comes with the next read, as Tasklist's next request gets it
    Http.Response next = with(anonymous, cookies, null).get("/camunda/api/admin/auth/user/default");
    cookies.putAll(cookies(next));
    token = next.header("X-XSRF-TOKEN") != null ? next.header("X-XSRF-TOKEN") : cookies.get("XSRF-TOKEN");
    return new Login(answer, with(anonymous, cookies, token));
  }

  private static Http with(Http http, Map<String, String> cookies, String token) {
    Http session = http.header("Cookie", cookies.entrySet().stream().map(c -> c.getKey() + "=" + c.getValue())
        .collect(Collectors.joining("; ")));
    if (token == null && cookies.containsKey("XSRF-TOKEN")) token = cookies.get("XSRF-TOKEN");
    return token == null ? session : session.header("X-XSRF-TOKEN", token);
  }

  /** Name and value of each Set-Cookie (Http joins repeated headers with commas; cookie values hold none). */
  private static Map<String, String> cookies(Http.Response response) {
    Map<String, String> cookies = new LinkedHashMap<>();
    String header = response.header("Set-Cookie");
    if (header == null) return cookies;
    for (String cookie : header.split(",")) {
      String pair = cookie.split(";", 2)[0].strip();
      int eq = pair.indexOf('=');
      if (eq > 0) cookies.put(pair.substring(0, eq), pair.substring(eq + 1));
    }
    return cookies;
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
