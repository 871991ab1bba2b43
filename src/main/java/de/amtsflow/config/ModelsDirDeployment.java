package de.amtsflow.config;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Deploys the operator's models folder ({@code amtsflow.models-dir}, {@code AMTSFLOW_MODELS_DIR}):
 * every {@code .bpmn}, {@code .dmn} and {@code .form} below it, as one deployment with duplicate
 * filtering, so an edited model goes live with a restart instead of a rebuild, and unchanged models
 * keep their version.
 *
 * <p>Why {@link SmartInitializingSingleton} rather than an engine plugin or an event listener: it
 * runs once the engine bean exists, before the web server accepts requests and before the job
 * executor starts (the starter starts it on {@code ApplicationReadyEvent}), and an exception here
 * aborts start-up. An engine plugin's {@code postProcessEngineBuild} runs <em>before</em> the
 * starter deploys the classpath's {@code bpmn/}, so on a first start a built-in model with the same
 * key would overtake the operator's edited one; {@code ApplicationReadyEvent} comes after the web
 * server is serving and races the job executor; Camunda's {@code PostDeployEvent} is only published
 * for an {@code @EnableProcessApplication}, which amtsflow is not.
 */
@Component
class ModelsDirDeployment implements SmartInitializingSingleton {

  static final String DEPLOYMENT_NAME = "amtsflow-models-dir";

  private static final Logger log = LoggerFactory.getLogger(ModelsDirDeployment.class);
  private static final List<String> MODEL_SUFFIXES = List.of(".bpmn", ".dmn", ".form");

  private final RepositoryService repositoryService;
  private final String modelsDir;

  ModelsDirDeployment(
      RepositoryService repositoryService, @Value("${amtsflow.models-dir:}") String modelsDir) {
    this.repositoryService = repositoryService;
    this.modelsDir = modelsDir.strip();
  }

  @Override
  public void afterSingletonsInstantiated() {
    deploy();
  }

  /**
   * Deploys the models folder; empty when no folder is configured or it holds no model.
   *
   * @throws IllegalStateException when the configured folder is missing or unreadable
   */
  Optional<DeploymentWithDefinitions> deploy() {
    if (modelsDir.isEmpty()) {
      return Optional.empty();
    }
    Path dir = Path.of(modelsDir).toAbsolutePath().normalize();
    requireReadableFolder(dir);
    List<Path> models = findModels(dir);
    if (models.isEmpty()) {
      log.warn("amtsflow.models-dir {} holds no .bpmn, .dmn or .form file; nothing deployed", dir);
      return Optional.empty();
    }

    DeploymentBuilder deployment =
        repositoryService
            .createDeployment()
            .name(DEPLOYMENT_NAME)
            .source(DEPLOYMENT_NAME)
            // true: only changed resources are redeployed, the others keep their version
            .enableDuplicateFiltering(true);
    for (Path model : models) {
      deployment.addInputStream(resourceName(dir, model), new ByteArrayInputStream(read(model)));
    }
    DeploymentWithDefinitions result = deployment.deployWithResult();
    log.info(
        "amtsflow.models-dir {}: {} model(s) in deployment '{}', new process/decision versions: {}",
        dir,
        models.size(),
        DEPLOYMENT_NAME,
        newVersions(result));
    return Optional.of(result);
  }

  private void requireReadableFolder(Path dir) {
    String problem =
        !Files.exists(dir)
            ? "does not exist"
            : !Files.isDirectory(dir)
                ? "is not a folder"
                : !Files.isReadable(dir) || !Files.isExecutable(dir) ? "cannot be read" : null;
    if (problem != null) {
      throw new IllegalStateException(
          "amtsflow.models-dir (AMTSFLOW_MODELS_DIR) names %s, which %s; point it at the folder of BPMN/DMN/form models or leave it empty"
              .formatted(dir, problem));
    }
  }

  // Links are followed and dot-entries skipped: a Kubernetes ConfigMap mount is a set of links into
  // a hidden "..data" folder, which must not be deployed a second time under another name.
  private static List<Path> findModels(Path dir) {
    try (Stream<Path> files = Files.walk(dir, FileVisitOption.FOLLOW_LINKS)) {
      return files
          .filter(file -> !isHidden(dir.relativize(file)))
          .filter(Files::isRegularFile)
          .filter(file -> MODEL_SUFFIXES.stream().anyMatch(file.toString()::endsWith))
          .sorted()
          .toList();
    } catch (IOException | UncheckedIOException e) {
      throw new IllegalStateException(
          "amtsflow.models-dir (AMTSFLOW_MODELS_DIR): cannot read " + dir + ": " + e.getMessage(),
          e);
    }
  }

  private static byte[] read(Path model) {
    try {
      return Files.readAllBytes(model);
    } catch (IOException e) {
      throw new IllegalStateException(
          "amtsflow.models-dir (AMTSFLOW_MODELS_DIR): cannot read " + model + ": " + e, e);
    }
  }

  private static boolean isHidden(Path relative) {
    for (Path part : relative) {
      if (part.toString().startsWith(".")) {
        return true;
      }
    }
    return false;
  }

  // The path below the folder, with '/', names the resource: duplicate filtering matches by name.
  private static String resourceName(Path dir, Path model) {
    return dir.relativize(model).toString().replace('\\', '/');
  }

  private static String newVersions(DeploymentWithDefinitions result) {
    String versions =
        Stream.of(
                result.getDeployedProcessDefinitions(),
                result.getDeployedDecisionDefinitions(),
                result.getDeployedDecisionRequirementsDefinitions())
            .flatMap(definitions -> definitions == null ? Stream.empty() : definitions.stream())
            .map(definition -> definition.getKey() + ":" + definition.getVersion())
            .collect(Collectors.joining(", "));
    return versions.isEmpty() ? "none (all unchanged)" : versions;
  }
}
