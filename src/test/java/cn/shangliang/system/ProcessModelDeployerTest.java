package cn.shangliang.system;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shangliang.support.PlatformTest;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@PlatformTest
class ProcessModelDeployerTest {
  @Autowired ProcessModelDeployer deployer;
  @Autowired RepositoryService repositoryService;

  @Test
  void unchangedModels_makeNoNewVersion_andAreNamedByTheirPathInProcesses() {
    long definitions = repositoryService.createProcessDefinitionQuery().count();
    long deployments = repositoryService.createDeploymentQuery().count();
    deployer.afterPropertiesSet();
    deployer.afterPropertiesSet();
    assertThat(repositoryService.createProcessDefinitionQuery().count()).isEqualTo(definitions);
    assertThat(repositoryService.createDeploymentQuery().count()).isEqualTo(deployments);
    var definition = repositoryService.createProcessDefinitionQuery().processDefinitionKey("SixStepConsultationProcess")
        .latestVersion().singleResult();
    assertThat(definition.getResourceName()).isEqualTo("consultation/SixStepConsultationProcess.bpmn");
    assertThat(repositoryService.createProcessDefinitionQuery().latestVersion().list()).extracting("key")
        .contains("SixStepConsultationProcess", "DepartmentReplyProcess", "ProposalProcess", "PublicityProcess");
  }
}
