package de.amtsflow;

import static org.assertj.core.api.Assertions.assertThat;

import de.amtsflow.ModelChecker.Result;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.spring.boot.starter.configuration.CamundaDeploymentConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.core.io.Resource;

/**
 * Every model under {@code bpmn/} (the process owners' Modeler folder) passes {@link ModelChecker}
 * against the real application context, and the engine deploys all of them at start-up.
 */
// a context of its own: closed after the class, so the next class's context starts alone (an
// evicted context takes the platform's engine 'default' and the webapps' context with it; see
// EFileStoreH2Test)
@org.springframework.test.annotation.DirtiesContext
@SpringBootTest(
    properties = {
      "spring.datasource.url=jdbc:h2:mem:bpmn-model-tests;DB_CLOSE_DELAY=-1",
      "amtsflow.data-dir=target/test-data/bpmn-model-tests",
      "amtsflow.admin.password=test-admin-password",
      "camunda.bpm.generate-unique-process-engine-name=true"
    })
class BpmnModelTests {

  static final Path BPMN = Path.of(System.getProperty("basedir", "."), "bpmn");

  @Autowired ApplicationContext context;
  @Autowired RepositoryService repositoryService;
  @Autowired ProcessEngineConfigurationImpl engineConfiguration;
  @Autowired CamundaDeploymentConfiguration deploymentConfiguration;

  @BeforeAll
  static void requireModels() {
    assertThat(BPMN).as("the Modeler folder bpmn/ at the project root").isDirectory();
  }

  @Test
  void everyModelUnderBpmnPassesTheChecks() throws IOException {
    Result result = check();

    assertThat(result.models()).as("models under %s", BPMN).isNotEmpty();
    assertThat(result.problems()).as("problems in the models under bpmn/").isEmpty();
  }

  @Test
  void everyModelUnderBpmnIsDeployedAtStartUp() throws IOException {
    Result result = check();
    List<String> deployed =
        repositoryService.createDeploymentQuery().list().stream()
            .map(Deployment::getId)
            .map(repositoryService::getDeploymentResourceNames)
            .flatMap(Collection::stream)
            .map(name -> name.replace('\\', '/'))
            .toList();

    for (Path model : result.models()) {
      String name = "bpmn/" + BPMN.relativize(model).toString().replace('\\', '/');
      assertThat(deployed).as("deployed resources").anyMatch(r -> r.endsWith(name));
    }
    for (String key : result.processKeys()) {
      assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey(key).count())
          .as("process definition %s", key)
          .isPositive();
    }
    for (String key : result.decisionKeys()) {
      assertThat(
              repositoryService.createDecisionDefinitionQuery().decisionDefinitionKey(key).count())
          .as("decision definition %s", key)
          .isPositive();
    }
    for (String key : result.formKeys()) {
      assertThat(FormDefinitions.latestVersion(engineConfiguration, key))
          .as("form definition %s", key)
          .isPresent();
    }
  }

  /**
   * bpmn/ may hold no .dmn yet, so the starter's own resource lookup runs with the application's
   * deployment pattern against a classpath that has one of each, and a file that is no model.
   */
  @Test
  void theDeploymentPatternTakesBpmnDmnAndFormFiles(@TempDir Path classpath) throws IOException {
    for (String file :
        List.of(
            "bpmn/a/p.bpmn", "bpmn/a/d.dmn", "bpmn/a/forms/f.form", "bpmn/a/notes.txt", "x.bpmn")) {
      Path path = classpath.resolve(file);
      Files.createDirectories(path.getParent());
      Files.writeString(path, "-");
    }
    ClassLoader original = Thread.currentThread().getContextClassLoader();
    try (URLClassLoader loader = new URLClassLoader(new URL[] {classpath.toUri().toURL()}, null)) {
      // the starter resolves the pattern with the thread's class loader
      Thread.currentThread().setContextClassLoader(loader);
      assertThat(deploymentConfiguration.getDeploymentResources())
          .extracting(Resource::getFilename)
          .containsExactlyInAnyOrder("p.bpmn", "d.dmn", "f.form");
    } finally {
      Thread.currentThread().setContextClassLoader(original);
    }
  }

  private Result check() throws IOException {
    return new ModelChecker(context::containsBean).check(BPMN);
  }
}
