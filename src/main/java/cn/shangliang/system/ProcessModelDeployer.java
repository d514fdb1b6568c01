package cn.shangliang.system;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.List;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

/**
 * Deploys the BPMN models and Camunda Forms of {@code processes/} at start-up, named by their path
 * relative to the folder (not by absolute path, so nodes and clones in other folders agree), under one
 * fixed deployment name with duplicate filtering: unchanged files make no new version, and two nodes
 * starting together make one deployment (the engine takes its deployment lock).
 */
@Component
class ProcessModelDeployer implements InitializingBean {
  static final String DEPLOYMENT_NAME = "shangliang";
  private static final List<String> DEPLOYABLE = List.of(".bpmn", ".bpmn20.xml", ".dmn", ".form", ".cmmn");
  private static final Logger log = LoggerFactory.getLogger(ProcessModelDeployer.class);

  private final RepositoryService repositoryService;
  private final DesignerFolder folder;

  ProcessModelDeployer(RepositoryService repositoryService, ShangliangProperties properties) {
    this.repositoryService = repositoryService;
    this.folder = new DesignerFolder(Path.of(properties.processesDir()), "processes");
  }

  @Override
  public void afterPropertiesSet() {
    DeploymentBuilder deployment = repositoryService.createDeployment()
        .name(DEPLOYMENT_NAME)
        .source("processes/")
        .enableDuplicateFiltering(true);
    int count = 0;
    for (DesignerFolder.File file : folder.files()) {
      if (DEPLOYABLE.stream().anyMatch(file.path()::endsWith)) {
        // forms completed as the engine will store them, so an unchanged folder stays a duplicate on the next start
        byte[] content = file.path().endsWith(".form") ? FormContext.complete(file.content()) : file.content();
        deployment.addInputStream(file.path(), new ByteArrayInputStream(content));
        count++;
      }
    }
    if (count == 0) {
      log.warn("No models found in {}", folder.describe());
      return;
    }
    DeploymentWithDefinitions deployed = deployment.deployWithResult();
    log.info("Deployed {} models from {}: deployment {} ({} new process definitions)", count, folder.describe(),
        deployed.getId(), deployed.getDeployedProcessDefinitions() == null ? 0 : deployed.getDeployedProcessDefinitions().size());
  }
}
