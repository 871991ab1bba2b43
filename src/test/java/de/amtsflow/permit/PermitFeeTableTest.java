package de.amtsflow.permit;

import static org.assertj.core.api.Assertions.assertThat;

import de.amtsflow.permit.PermitProcess.Var;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationListener;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The fee table {@code bpmn/permit/permit-fee.dmn} as the process owners edit it, evaluated by the
 * DMN engine: per mille of the building costs with a minimum, by Verfahrensart and Gebäudeklasse,
 * rounded half up to the cent. Each case also names the rule that must have decided it.
 */
class PermitFeeTableTest {

  static final Path DMN =
      Path.of(System.getProperty("basedir", "."), "bpmn", "permit", "permit-fee.dmn");

  private static final List<String> matchedRules = new ArrayList<>();
  private static DmnEngine engine;
  private static DmnDecision fee;

  @BeforeAll
  static void parseTheModel() throws IOException {
    DmnDecisionTableEvaluationListener recordMatches =
        event -> event.getMatchingRules().forEach(rule -> matchedRules.add(rule.getId()));
    engine =
        DmnEngineConfiguration.createDefaultDmnEngineConfiguration()
            .customPostDecisionTableEvaluationListeners(List.of(recordMatches))
            .buildEngine();
    try (InputStream model = Files.newInputStream(DMN)) {
      fee = engine.parseDecision(PermitProcess.DECISION_FEE, model);
    }
  }

  @BeforeEach
  void forgetEarlierMatches() {
    matchedRules.clear();
  }

  @ParameterizedTest(name = "{0}, Gebäudeklasse {1}, {2} EUR -> {3} EUR ({4})")
  @CsvSource({
    "REGULAR,    3,  350000.00, 1050.00, Rule_RegularSmall",
    // the minimum
    "REGULAR,    3,   10000.00,  150.00, Rule_RegularSmall",
    // exactly where the per mille reaches the minimum
    "REGULAR,    2,   50000.00,  150.00, Rule_RegularSmall",
    // 370.37034 -> 370.37
    "REGULAR,    1,  123456.78,  370.37, Rule_RegularSmall",
    // 150.105 -> 150.11: half up, as money is rounded, not half even
    "REGULAR,    3,   50035.00,  150.11, Rule_RegularSmall",
    "REGULAR,    4,   50000.00,  300.00, Rule_RegularLarge",
    // 400.005 -> 400.01
    "REGULAR,    4,  100001.25,  400.01, Rule_RegularLarge",
    "REGULAR,    5, 1000000.00, 4000.00, Rule_RegularLarge",
    "SIMPLIFIED, 1,  300000.00,  600.00, Rule_SimplifiedSmall",
    "SIMPLIFIED, 2,   20000.00,   75.00, Rule_SimplifiedSmall",
    "SIMPLIFIED, 3,   20000.00,  100.00, Rule_SimplifiedMedium",
    "SIMPLIFIED, 3,  400000.00, 1000.00, Rule_SimplifiedMedium",
    "SIMPLIFIED, 4,  500000.00, 1500.00, Rule_SimplifiedLarge",
    "SIMPLIFIED, 5,   50000.00,  200.00, Rule_SimplifiedLarge",
  })
  void feeIsPerMilleOfTheBuildingCostsWithAMinimum(
      String procedure, int buildingClass, double buildingCosts, double expected, String rule) {
    Object result = evaluate(procedure, buildingClass, buildingCosts).getSingleEntry();

    assertThat(result).isEqualTo(expected);
    assertThat(matchedRules).containsExactly(rule);
  }

  static Stream<Arguments> everyProcedureAndBuildingClass() {
    return Stream.of("REGULAR", "SIMPLIFIED")
        .flatMap(
            procedure ->
                IntStream.rangeClosed(1, 5)
                    .mapToObj(gk -> Arguments.of(procedure, gk, expectedRule(procedure, gk))));
  }

  private static String expectedRule(String procedure, int buildingClass) {
    if (procedure.equals("REGULAR")) {
      return buildingClass <= 3 ? "Rule_RegularSmall" : "Rule_RegularLarge";
    }
    return buildingClass <= 2
        ? "Rule_SimplifiedSmall"
        : buildingClass == 3 ? "Rule_SimplifiedMedium" : "Rule_SimplifiedLarge";
  }

  /** UNIQUE: a second matching rule would fail the evaluation, a gap would leave no fee. */
  @ParameterizedTest(name = "{0}, Gebäudeklasse {1} -> {2}")
  @MethodSource("everyProcedureAndBuildingClass")
  void everyProcedureAndBuildingClassHasExactlyOneRule(
      String procedure, int buildingClass, String rule) {
    DmnDecisionTableResult result = evaluate(procedure, buildingClass, 250000.00);
    Object amount = result.getSingleEntry();

    assertThat(result.getResultList()).hasSize(1);
    assertThat(amount).isInstanceOf(Double.class);
    assertThat(matchedRules).containsExactly(rule);
  }

  /** The application's validation keeps such values out; the table gives them no fee. */
  @ParameterizedTest(name = "{0}, Gebäudeklasse {1} -> keine Gebühr")
  @CsvSource({"REGULAR, 0", "REGULAR, 6", "SIMPLIFIED, 0", "SIMPLIFIED, 6", "OTHER, 3"})
  void anUnknownProcedureOrBuildingClassMatchesNoRule(String procedure, int buildingClass) {
    DmnDecisionTableResult result = evaluate(procedure, buildingClass, 250000.00);

    assertThat(result.getResultList()).isEmpty();
    assertThat(matchedRules).isEmpty();
  }

  private static DmnDecisionTableResult evaluate(
      String procedure, int buildingClass, double buildingCosts) {
    VariableMap variables =
        Variables.putValue(Var.PROCEDURE, procedure)
            .putValue(Var.BUILDING_CLASS, buildingClass)
            .putValue(Var.BUILDING_COSTS, buildingCosts);
    return engine.evaluateDecisionTable(fee, variables);
  }
}
