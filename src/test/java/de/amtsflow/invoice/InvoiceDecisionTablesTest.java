package de.amtsflow.invoice;

import static java.util.stream.Collectors.toMap;
import static org.assertj.core.api.Assertions.assertThat;

import de.amtsflow.invoice.InvoiceProcess.Var;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationListener;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The decision tables of {@code bpmn/invoice/invoice-routing.dmn} as the process owners edit them,
 * evaluated by the DMN engine rule by rule. Two rules may give the same answer, so each case also
 * names the rule that must have decided it.
 */
class InvoiceDecisionTablesTest {

  static final Path DMN =
      Path.of(System.getProperty("basedir", "."), "bpmn", "invoice", "invoice-routing.dmn");

  private static final List<String> matchedRules = new ArrayList<>();
  private static DmnEngine engine;
  private static Map<String, DmnDecision> decisions;

  @BeforeAll
  static void parseTheModel() throws IOException {
    DmnDecisionTableEvaluationListener recordMatches =
        event -> event.getMatchingRules().forEach(rule -> matchedRules.add(rule.getId()));
    engine =
        DmnEngineConfiguration.createDefaultDmnEngineConfiguration()
            .customPostDecisionTableEvaluationListeners(List.of(recordMatches))
            .buildEngine();
    try (InputStream model = Files.newInputStream(DMN)) {
      decisions =
          engine.parseDecisions(model).stream()
              .collect(toMap(DmnDecision::getKey, Function.identity()));
    }
  }

  @BeforeEach
  void forgetEarlierMatches() {
    matchedRules.clear();
  }

  @ParameterizedTest(name = "Feinadressierung \"{0}\", Kategorie {1}, {2} EUR -> {3} ({4})")
  @CsvSource(
      nullValues = "null",
      value = {
        "BAU,    IT,        120.00,   permit-clerks,     Rule_FineAddressBau",
        // FIRST: the fine address decides before the category
        "BAU,    BAU,       120.00,   permit-clerks,     Rule_FineAddressBau",
        "'',     BAU,       120.00,   permit-clerks,     Rule_CategoryBau",
        "SCHULE, BAU,       120.00,   permit-clerks,     Rule_CategoryBau",
        "'',     IT,        120.00,   invoice-approvers, Rule_Otherwise",
        "SCHULE, SONSTIGES, 80000.00, invoice-approvers, Rule_Otherwise",
        // before "Zuordnung klären" has set a category
        "'',     null,      120.00,   invoice-approvers, Rule_Otherwise",
      })
  void approversByFineAddressThenCategory(
      String fineAddress, String category, double grossAmount, String group, String rule) {
    VariableMap variables =
        Variables.putValue(Var.FINE_ADDRESS, fineAddress)
            .putValue(Var.CATEGORY, category)
            .putValue(Var.GROSS_AMOUNT, grossAmount);

    Object approverGroup =
        engine
            .evaluateDecision(decisions.get(InvoiceProcess.DECISION_APPROVERS), variables)
            .getSingleEntry();

    assertThat(approverGroup).isEqualTo(group);
    assertThat(matchedRules).containsExactly(rule);
  }

  @ParameterizedTest(name = "{0} EUR -> Anordnung erforderlich: {1} ({2})")
  @CsvSource({
    "0.01,      false, Rule_UpToLimit",
    "4999.99,   false, Rule_UpToLimit",
    "5000.00,   false, Rule_UpToLimit",
    "5000.01,   true,  Rule_AboveLimit",
    "250000.00, true,  Rule_AboveLimit",
  })
  void paymentOrderIsRequiredAboveFiveThousandEuros(
      double grossAmount, boolean required, String rule) {
    Object paymentOrderRequired =
        engine
            .evaluateDecision(
                decisions.get(InvoiceProcess.DECISION_PAYMENT_ORDER),
                Variables.putValue(Var.GROSS_AMOUNT, grossAmount))
            .getSingleEntry();

    assertThat(paymentOrderRequired).isEqualTo(required);
    assertThat(matchedRules).containsExactly(rule);
  }
}
