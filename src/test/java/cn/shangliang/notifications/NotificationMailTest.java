package cn.shangliang.notifications;

import static cn.shangliang.support.TestClock.at;
import static org.assertj.core.api.Assertions.assertThat;

import cn.shangliang.support.Demands;
import cn.shangliang.support.Http;
import cn.shangliang.support.Steps;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** With an SMTP server configured, the notifications go out by e-mail too (GreenMail plays the server). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@org.springframework.test.context.TestExecutionListeners(listeners = cn.shangliang.support.EngineRegistration.class,
    mergeMode = org.springframework.test.context.TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
class NotificationMailTest {
  @RegisterExtension
  static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP);

  @DynamicPropertySource
  static void mail(DynamicPropertyRegistry registry) {
    registry.add("spring.mail.host", () -> "localhost");
    registry.add("spring.mail.port", () -> ServerSetupTest.SMTP.getPort());
  }

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;

  @AfterEach
  void reset() {
    ClockUtil.reset();
  }

  List<MimeMessage> to(String address) {
    return Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
      try {
        return Arrays.stream(m.getAllRecipients()).anyMatch(r -> r.toString().equals(address));
      } catch (jakarta.mail.MessagingException e) {
        throw new IllegalStateException(e);
      }
    }).toList();
  }

  @Test
  void reminderAndBreach_reachTheDepartmentAndTheSupervisors_byMail() throws Exception {
    at("2026-09-30T20:00:00+08:00");
    String code = new Http(port).as("clerk").post("/api/demands", Demands.with(Demands.with(Demands.body(), "urgency", "EMERGENCY"),
        "category", "WATER")).json().get("trackingCode").asText();
    Steps steps = new Steps(engine, code);
    at("2026-10-01T14:01:00+08:00");
    // the department heard of its new reply task when the demand arrived; now the 75 % reminder
    assertThat(to("water@shangliang.example")).anySatisfy(m -> assertThat(subject(m)).startsWith("【有事好商量】新任务：部门答复："));
    steps.fireDueTimers();
    assertThat(smtp.waitForIncomingEmail(5000, 2)).isTrue();
    MimeMessage reminder = to("water@shangliang.example").stream()
        .filter(m -> subject(m).startsWith("【有事好商量】答复即将到期")).findFirst().orElseThrow();
    assertThat(GreenMailUtil.getBody(reminder)).isNotBlank();
    assertThat(reminder.getContent().toString()).contains(code);

    at("2026-10-01T20:01:00+08:00");
    steps.fireDueTimers();
    assertThat(smtp.waitForIncomingEmail(5000, 4)).isTrue();
    assertThat(to("supervisor@shangliang.example")).anySatisfy(m -> assertThat(subject(m)).contains("答复超期，待督办"));
    assertThat(to("water@shangliang.example")).anySatisfy(m -> assertThat(subject(m)).contains("答复已超期"));
  }

  @Test
  void anAssignment_reachesTheAssignee_byMail() throws Exception {
    String village = "邮件村" + java.util.UUID.randomUUID().toString().substring(0, 6);
    new Http(port).as("admin").put("/api/village-assignments", java.util.Map.of("township", "中峰镇", "village", village,
        "memberUserId", "member2"));
    String code = new Http(port).as("clerk").post("/api/demands", Demands.with(Demands.with(Demands.body(), "township", "中峰镇"),
        "village", village)).json().get("trackingCode").asText();
    assertThat(smtp.waitForIncomingEmail(5000, 1)).isTrue();
    assertThat(to("member2@shangliang.example")).anySatisfy(m -> {
      assertThat(subject(m)).startsWith("【有事好商量】新任务：深入调查明事：");
      try {
        assertThat(m.getContent().toString()).contains(code, "/camunda/app/tasklist/");
      } catch (Exception e) {
        throw new AssertionError(e);
      }
    });
  }

  static String subject(MimeMessage m) {
    try {
      return m.getSubject();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }
}
