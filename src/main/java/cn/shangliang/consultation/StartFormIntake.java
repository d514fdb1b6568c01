package cn.shangliang.consultation;

import cn.shangliang.intake.Demand;
import cn.shangliang.intake.DemandRequest;
import cn.shangliang.intake.IntakeService;
import cn.shangliang.system.InvalidRequestException;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.BadUserRequestException;
import org.springframework.stereotype.Service;

/**
 * 广泛征集知事 from Tasklist: a clerk starts the process with the start form {@code collect-demand}; its start
 * listener ({@code ${registerFromStartForm}}) registers the demand here, through the same intake service as the API
 * (same validation, duplicates, tracking code), for this instance and in its transaction. Bad input refuses the
 * start with the reasons, shown in the form.
 */
@Service
class StartFormIntake {
  private final IntakeService intake;

  StartFormIntake(IntakeService intake) {
    this.intake = intake;
  }

  Demand register(DemandRequest request, String processInstanceId, String actor) {
    try {
      return intake.registerForRunningProcess(request, processInstanceId, actor);
    } catch (InvalidRequestException e) {
      throw new BadUserRequestException("诉求未受理：" + e.errors().stream().map(InvalidRequestException.FieldError::message)
          .collect(Collectors.joining("；")));
    }
  }
}
