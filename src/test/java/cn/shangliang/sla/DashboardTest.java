package cn.shangliang.sla;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shangliang.support.Http;
import cn.shangliang.support.PlatformTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The supervisors' dashboard and its CSV exports. */
@PlatformTest
class DashboardTest {
  @LocalServerPort int port;

  @Test
  void theDashboard_isForSupervisorsLeadershipAndAdmins() {
    Http.Response anonymous = new Http(port).get("/dashboard");
    assertThat(anonymous.status()).isEqualTo(401);
    assertThat(anonymous.header("www-authenticate")).startsWith("Basic");
    assertThat(new Http(port).as("transport").get("/dashboard").status()).isEqualTo(403);
    assertThat(new Http(port).as("clerk").get("/api/sla/summary").status()).isEqualTo(403);
    for (String user : new String[] {"supervisor", "leader", "admin"}) {
      Http.Response page = new Http(port).as(user).get("/dashboard");
      assertThat(page.status()).isEqualTo(200);
      assertThat(page.body()).contains("督查督办", "/webjars/echarts/5.3.1/dist/echarts.min.js", "/dashboard/dashboard.js", "/dashboard/scorecard.js", "民主协商打分器");
    }
    assertThat(new Http(port).get("/webjars/echarts/5.3.1/dist/echarts.min.js").status()).isEqualTo(200);
    assertThat(new Http(port).as("supervisor").get("/dashboard/dashboard.js").body()).contains("/api/sla/summary");
    assertThat(new Http(port).as("supervisor").get("/api/sla/due-soon").status()).isEqualTo(200);
  }

  @Test
  void theWorkingCalendar_isOnTheDashboard_andOnAPageTheLiaisonOfficeReaches() {
    assertThat(new Http(port).as("supervisor").get("/dashboard").body()).contains("workingCalendar", "/calendar/calendar.js");
    assertThat(new Http(port).as("transport").get("/calendar").status()).isEqualTo(403);
    assertThat(new Http(port).as("liaison").get("/dashboard").status()).isEqualTo(403);
    for (String user : new String[] {"liaison", "supervisor", "leader", "admin"}) {
      Http.Response page = new Http(port).as(user).get("/calendar");
      assertThat(page.status()).as(user).isEqualTo(200);
      assertThat(page.body()).contains("工作日历", "workingCalendar", "/calendar/calendar.js", "/dashboard/dashboard.css");
    }
    assertThat(new Http(port).as("liaison").get("/calendar/calendar.js").body())
        .contains("/api/calendar/years", "暂按法定节假日推算", "调休上班日");
    assertThat(new Http(port).as("liaison").get("/dashboard/dashboard.css").status()).isEqualTo(200);
  }

  @Test
  void csvExports_areUtf8WithBom_forExcel() {
    Http.Response breaches = new Http(port).as("supervisor").get("/api/sla/breaches.csv");
    assertThat(breaches.status()).isEqualTo(200);
    assertThat(breaches.header("content-type")).startsWith("text/csv");
    assertThat(breaches.header("content-disposition")).contains("filename*=UTF-8''");
    assertThat(breaches.body()).startsWith("\ufeff受理编号,任务,承办单位");
    Http.Response summary = new Http(port).as("leader").get("/api/sla/summary.csv?from=2031-06-01T00:00:00%2B08:00");
    assertThat(summary.body()).startsWith("\ufeff承办单位,在办,即将到期,超期");
  }
}
