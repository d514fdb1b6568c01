package cn.shangliang.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.shangliang.support.Http;
import cn.shangliang.support.PlatformTest;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A request's own mistake is one INFO line; a failure nobody asked for keeps Camunda's ERROR with its stack. */
@PlatformTest
@ExtendWith(OutputCaptureExtension.class)
class RefusedCommandLogTest {
  @LocalServerPort int port;
  @Autowired TaskService taskService;

  @Test
  void aRequestForATaskThatDoesNotExist_isOneInfoLine(CapturedOutput output) {
    Http.Response answer = new Http(port).as("admin").post("/engine-rest/task/no-such-task/complete", "{}");

    assertThat(answer.status()).isEqualTo(404);
    assertThat(output.getOut()).contains("Refused an engine command (the request's fault): NullValueException")
        .doesNotContain("ENGINE-16004").doesNotContain("\tat org.camunda");
  }

  @Test
  void aFailureOutsideAnyRequest_staysAnErrorWithItsStack(CapturedOutput output) {
    assertThatThrownBy(() -> taskService.complete("no-such-task")).isInstanceOf(ProcessEngineException.class);

    assertThat(output.getOut()).contains("ERROR").contains("ENGINE-16004").contains("\tat org.camunda")
        .doesNotContain("Refused an engine command");
  }
}
