package de.amtsflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import de.amtsflow.ModelChecker.Problem;
import de.amtsflow.ModelChecker.Result;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Proves that each rule of {@link ModelChecker} can fail: the probe models pass, and breaking one
 * thing in them is reported as exactly that one problem.
 */
class ModelCheckerTests {

  @TempDir Path models;

  private final ModelChecker checker = new ModelChecker("fileApplicationDelegate"::equals);

  @BeforeEach
  void copyProbeModels() throws IOException, URISyntaxException {
    Path probe = Path.of(ModelCheckerTests.class.getResource("/models/probe").toURI());
    try (Stream<Path> files = Files.walk(probe)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        Path target = models.resolve(probe.relativize(file).toString());
        Files.createDirectories(target.getParent());
        Files.copy(file, target);
      }
    }
  }

  @Test
  void theProbeModelsPassEveryRule() throws IOException {
    Result result = checker.check(models);

    assertThat(result.models()).hasSize(3);
    assertThat(result.processKeys()).containsExactly("ProbeProcess");
    assertThat(result.decisionKeys()).containsExactly("Decision_Classify");
    assertThat(result.formKeys()).containsExactly("Form_Completeness");
    assertThat(result.problems()).isEmpty();
  }

  @ParameterizedTest(name = "[{3}] {4}: {1} -> {2}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          probe.bpmn | ${fileApplicationDelegate} | ${missingDelegate} | delegate-bean | Task_FileApplication
          probe.bpmn | ${fileApplicationDelegate} | ${fileApplicationDelegate.execute(execution)} | delegate-bean | Task_FileApplication
          probe.bpmn | <endEvent id="EndEvent_ApplicationComplete" name="Antrag vollständig" /> | <endEvent id="EndEvent_ApplicationComplete" name="Antrag vollständig"><extensionElements><camunda:executionListener event="end" delegateExpression="${missingListener}" /></extensionElements></endEvent> | delegate-bean | EndEvent_ApplicationComplete (executionListener)
          probe.bpmn | camunda:formRefBinding="latest" /> | camunda:formRefBinding="latest"><extensionElements><camunda:taskListener event="complete" delegateExpression="${missingListener}" /></extensionElements></userTask> | delegate-bean | Task_CheckCompleteness (taskListener)
          probe.bpmn | camunda:delegateExpression="${fileApplicationDelegate}" | camunda:class="de.amtsflow.FileApplicationDelegate" | no-camunda-class | Task_FileApplication
          probe.bpmn | <endEvent id="EndEvent_ApplicationComplete" name="Antrag vollständig" /> | <endEvent id="EndEvent_ApplicationComplete" name="Antrag vollständig"><extensionElements><camunda:executionListener event="end" class="de.amtsflow.Listener" /></extensionElements></endEvent> | no-camunda-class | EndEvent_ApplicationComplete (executionListener)
          probe.bpmn | camunda:formRef="Form_Completeness" | camunda:formRef="Form_Unknown" | form-ref | Task_CheckCompleteness
          probe.bpmn | camunda:formRef="Form_Completeness" | camunda:formRef="${formId}" | form-ref | Task_CheckCompleteness
          probe.bpmn | camunda:decisionRef="Decision_Classify" | camunda:decisionRef="Decision_Unknown" | decision-ref | Task_Classify
          probe.bpmn | </process> | <callActivity id="Task_RunSubprocedure" name="Teilverfahren durchführen" calledElement="UnknownProcess" /></process> | called-element | Task_RunSubprocedure
          probe.bpmn | messageRef="Message_DocumentsSubmitted" | messageRef="Message_Unknown" | message-ref | Event_DocumentsSubmitted
          probe.bpmn | ' messageRef="Message_DocumentsSubmitted"' | '' | message-ref | Event_DocumentsSubmitted
          probe.bpmn | ' name="DocumentsSubmitted"' | '' | message-ref | Message_DocumentsSubmitted
          probe.bpmn | ' camunda:historyTimeToLive="1"' | '' | history-ttl | ProbeProcess
          probe.bpmn | ' camunda:versionTag="1.0"' | '' | version-tag | ProbeProcess
          probe.dmn | ' camunda:historyTimeToLive="1"' | '' | history-ttl | Decision_Classify
          probe.dmn | ' camunda:versionTag="1.0"' | '' | version-tag | Decision_Classify
          probe.bpmn | ' name="Probeantrag"' | '' | name-required | ProbeProcess
          probe.bpmn | ' name="Antrag ablegen"' | '' | name-required | Task_FileApplication
          probe.bpmn | ' name="Vollständig?"' | '' | name-required | Gateway_Complete
          probe.bpmn | ' name="ja"' | '' | name-required | Flow_CompleteYes
          probe.bpmn | ' name="nein"' | '' | name-required | Flow_CompleteNo
          probe.bpmn | ' name="Antrag vollständig"' | '' | name-required | EndEvent_ApplicationComplete
          probe.dmn | name="Antrag einstufen" | name=" " | name-required | Decision_Classify
          forms/probe.form | "label": "Vermerk" | "label": " " | name-required | Field_Note (form field)
          forms/probe.form | "dateLabel": "Frist zur Nachreichung" | "label": "Frist zur Nachreichung" | name-required | Field_Deadline (form field)
          probe.bpmn | name="Antrag ablegen" | name="Review Antrag" | german-name | Task_FileApplication
          probe.bpmn | name="ja" | name="yes" | german-name | Flow_CompleteYes
          probe.dmn | name="Antrag einstufen" | name="Classify the application" | german-name | Decision_Classify
          forms/probe.form | "Unterlagen vollständig" | "Documents checked and complete" | german-name | Field_Complete (form field)
          """)
  void eachRuleReportsWhatBreaksIt(String file, String from, String to, String rule, String element)
      throws IOException {
    replaceOnce(models.resolve(file), from, to);

    assertThat(checker.check(models).problems())
        .extracting(Problem::rule, Problem::element)
        .containsExactly(tuple(rule, element));
  }

  @ParameterizedTest(name = "{1}")
  @CsvSource({
    "Task_CheckCompleteness, Activity_0x1abc2",
    "Flow_ToFile, Flow_1a2b3c4",
    "StartEvent_ApplicationReceived, StartEvent_1",
    "Gateway_Complete, sid-3F2504E0-4F89-11D3-9A0C-0305E82C3301",
    "Message_DocumentsSubmitted, Message_0abcdef",
    "ProbeProcess, Process_1",
    "Decision_Classify, Decision_0k2j3h4",
    "Form_Completeness, Form_1q2w3e4",
  })
  void generatedIdsAreReported(String meaningful, String generated) throws IOException {
    try (Stream<Path> files = Files.walk(models)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        Files.writeString(file, text.replace(meaningful, generated), StandardCharsets.UTF_8);
      }
    }

    assertThat(checker.check(models).problems())
        .extracting(Problem::rule, Problem::element)
        .containsExactly(tuple("generated-id", generated));
  }

  @Test
  void modelsThatCannotBeReadAreReported() throws IOException {
    Files.writeString(models.resolve("broken.bpmn"), "<definitions");
    Files.writeString(models.resolve("forms/broken.form"), "{ \"id\": ");

    assertThat(checker.check(models).problems())
        .extracting(Problem::file, Problem::rule)
        .containsExactly(tuple("broken.bpmn", "parse"), tuple("forms/broken.form", "parse"));
  }

  @Test
  void aKeyDefinedTwiceIsReported() throws IOException {
    Files.copy(models.resolve("probe.dmn"), models.resolve("copy.dmn"));

    assertThat(checker.check(models).problems())
        .extracting(Problem::file, Problem::element, Problem::rule)
        .containsExactly(tuple("copy.dmn", "Decision_Classify", "duplicate-key"));
  }

  @Test
  void aFormWithoutIdIsReportedAndCannotBeReferenced() throws IOException {
    replaceOnce(models.resolve("forms/probe.form"), "\"id\": \"Form_Completeness\",", "");

    assertThat(checker.check(models).problems())
        .extracting(Problem::rule, Problem::element)
        .containsExactlyInAnyOrder(
            tuple("form-id", "-"), tuple("form-ref", "Task_CheckCompleteness"));
  }

  private static void replaceOnce(Path file, String from, String to) throws IOException {
    String text = Files.readString(file, StandardCharsets.UTF_8);
    assertThat(List.of(text.split(Pattern.quote(from), -1)))
        .as("%s occurs exactly once in %s", from, file.getFileName())
        .hasSize(2);
    Files.writeString(file, text.replace(from, to), StandardCharsets.UTF_8);
  }
}
