package de.amtsflow.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.amtsflow.AmtsflowApplication;
import de.amtsflow.FormDefinitions;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The operator's models folder is deployed at start-up; deploying it again keeps unchanged models
 * at their version and gives a changed model the next one, without a rebuild.
 */
// a context of its own: closed after the class, so the next class's context starts alone (an
// evicted context takes the platform's engine 'default' and the webapps' context with it; see
// EFileStoreH2Test)
@org.springframework.test.annotation.DirtiesContext
@SpringBootTest(
    properties = {
      "spring.datasource.url=jdbc:h2:mem:models-dir-tests;DB_CLOSE_DELAY=-1",
      "amtsflow.data-dir=target/test-data/models-dir-tests",
      "amtsflow.admin.password=test-admin-password",
      "camunda.bpm.generate-unique-process-engine-name=true"
    })
class ModelsDirDeploymentTests {

  private static final String PROCESS = "ProbeProcess";
  private static final String DECISION = "Decision_Classify";
  private static final String FORM = "Form_Completeness";

  @TempDir static Path modelsDir;

  @Autowired ModelsDirDeployment deployment;
  @Autowired RepositoryService repositoryService;
  @Autowired ProcessEngineConfigurationImpl engineConfiguration;

  @DynamicPropertySource
  static void modelsDir(DynamicPropertyRegistry registry) {
    registry.add("amtsflow.models-dir", () -> modelsDir.toString());
  }

  // runs before the application context starts, so start-up finds the models
  @BeforeAll
  static void copyProbeModels() throws IOException, URISyntaxException {
    Path probe = Path.of(ModelsDirDeploymentTests.class.getResource("/models/probe").toURI());
    try (Stream<Path> files = Files.walk(probe)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        Path target = modelsDir.resolve("permit").resolve(probe.relativize(file).toString());
        Files.createDirectories(target.getParent());
        Files.copy(file, target);
      }
    }
    // a Kubernetes ConfigMap mount keeps its files again in hidden folders: never deployed
    Path hidden = modelsDir.resolve("..2025_01_01_data/permit/probe.bpmn");
    Files.createDirectories(hidden.getParent());
    Files.copy(modelsDir.resolve("permit/probe.bpmn"), hidden);
  }

  @Autowired org.springframework.context.ApplicationContext applicationContext;

  @Test
  void startUpDeploysEveryModelInTheFolder() {
    ProcessDefinition first =
        repositoryService
            .createProcessDefinitionQuery()
            .processDefinitionKey(PROCESS)
            .processDefinitionVersion(1)
            .singleResult();

    assertThat(first).isNotNull();
    assertThat(repositoryService.createDeploymentQuery().deploymentId(first.getDeploymentId()))
        .extracting(query -> query.singleResult().getName())
        .isEqualTo(ModelsDirDeployment.DEPLOYMENT_NAME);
    assertThat(repositoryService.getDeploymentResourceNames(first.getDeploymentId()))
        .containsExactlyInAnyOrder(
            "permit/probe.bpmn", "permit/probe.dmn", "permit/forms/probe.form");
    assertThat(decisionVersion()).isPositive();
    assertThat(FormDefinitions.latestVersion(engineConfiguration, FORM)).isPresent();
  }

  @Test
  void unchangedModelsKeepTheirVersion() {
    int process = processVersion();
    int decision = decisionVersion();
    int form = formVersion();

    DeploymentWithDefinitions again = deployment.deploy().orElseThrow();

    assertThat(again.getDeployedProcessDefinitions()).isNullOrEmpty();
    assertThat(processVersion()).isEqualTo(process);
    assertThat(decisionVersion()).isEqualTo(decision);
    assertThat(formVersion()).isEqualTo(form);
  }

  @Test
  void aChangedModelGetsTheNextVersionAndTheOthersKeepTheirs() throws IOException {
    int process = processVersion();
    int decision = decisionVersion();
    int form = formVersion();
    Path model = modelsDir.resolve("permit/probe.bpmn");
    String changed =
        Files.readString(model, StandardCharsets.UTF_8)
            .replace("name=\"Antrag ablegen\"", "name=\"Antrag in der E-Akte ablegen\"");
    Files.writeString(model, changed, StandardCharsets.UTF_8);

    deployment.deploy();

    assertThat(processVersion()).isEqualTo(process + 1);
    assertThat(decisionVersion()).isEqualTo(decision);
    assertThat(formVersion()).isEqualTo(form);
  }

  @Test
  void aFileInsteadOfAFolderIsRefused() {
    Path file = modelsDir.resolve("permit/probe.bpmn");

    assertThatThrownBy(() -> new ModelsDirDeployment(repositoryService, file.toString()).deploy())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("amtsflow.models-dir (AMTSFLOW_MODELS_DIR)")
        .hasMessageContaining("is not a folder");
  }

  @Test
  void aMissingFolderStopsStartUp() {
    Path missing = modelsDir.resolve("no-such-folder");

    assertThatThrownBy(
            () ->
                // command-line arguments: they override application.yml, as AMTSFLOW_MODELS_DIR
                // does
                new SpringApplicationBuilder(AmtsflowApplication.class)
                    .run(
                        "--spring.datasource.url=jdbc:h2:mem:models-dir-missing;DB_CLOSE_DELAY=-1",
                        "--amtsflow.data-dir=target/test-data/models-dir-missing",
                        "--amtsflow.admin.password=test-admin-password",
                        "--camunda.bpm.generate-unique-process-engine-name=true",
                        "--server.port=0",
                        "--amtsflow.models-dir=" + missing)
                    .close())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("amtsflow.models-dir (AMTSFLOW_MODELS_DIR) names " + missing)
        .hasMessageContaining("does not exist");
  }

  /**
   * Camunda's webapp filters find their Spring context through a static field; the failed start
   * above left it pointing at a context that never refreshed, which would break the next test
   * class's web server. Point it back at this class's live context.
   */
  @org.junit.jupiter.api.AfterEach
  void restoreWebappFilterContext() {
    new org.camunda.bpm.spring.boot.starter.webapp.filter.LazyInitRegistration()
        .setApplicationContext(applicationContext);
  }

  private int processVersion() {
    return repositoryService
        .createProcessDefinitionQuery()
        .processDefinitionKey(PROCESS)
        .latestVersion()
        .singleResult()
        .getVersion();
  }

  private int decisionVersion() {
    return repositoryService
        .createDecisionDefinitionQuery()
        .decisionDefinitionKey(DECISION)
        .latestVersion()
        .singleResult()
        .getVersion();
  }

  private int formVersion() {
    return FormDefinitions.latestVersion(engineConfiguration, FORM).orElseThrow();
  }
}
