package de.amtsflow;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import de.amtsflow.modularity.fixture.FixtureApplication;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.core.Violations;

/**
 * Module boundaries: features ({@code efile}, {@code invoice}, {@code permit}) talk to each other
 * only through their API packages, without cycles (Spring Modulith), and the cross-cutting packages
 * ({@code web}, {@code security}, {@code config}, {@code letters}, {@code calendar}, {@code
 * tenant}) never import a feature. Both rules are also run against a fixture that breaks them, so a
 * rule that cannot fail would show here.
 */
class ModularityTests {

  static final String[] FEATURES = {"..efile..", "..invoice..", "..permit.."};

  static ArchRule crossCuttingNeverImportsAFeature(String root) {
    return noClasses()
        .that()
        .resideInAnyPackage(
            root + ".web..",
            root + ".security..",
            root + ".config..",
            root + ".letters..",
            root + ".calendar..",
            root + ".tenant..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            root + ".efile..", root + ".invoice..", root + ".permit..", root + ".feature..")
        .allowEmptyShould(true);
  }

  @Test
  void modulesRespectTheirBoundaries() {
    ApplicationModules.of(AmtsflowApplication.class).verify();
  }

  @Test
  void crossCuttingPackagesNeverImportAFeature() {
    JavaClasses classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("de.amtsflow");
    crossCuttingNeverImportsAFeature("de.amtsflow").check(classes);
  }

  @Test
  void boundaryRuleFailsOnAccessToAnotherModulesInternals() {
    // the fixture lives in test classes, which Modulith skips unless told otherwise
    ImportOption includeTests = location -> true;
    assertThatThrownBy(() -> ApplicationModules.of(FixtureApplication.class, includeTests).verify())
        .isInstanceOf(Violations.class)
        .hasMessageContaining("Secret");
  }

  @Test
  void crossCuttingRuleFailsOnAFeatureImport() {
    JavaClasses fixture = new ClassFileImporter().importPackagesOf(FixtureApplication.class);
    assertThatThrownBy(
            () -> crossCuttingNeverImportsAFeature("de.amtsflow.modularity.fixture").check(fixture))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("FeatureAwareAdvice");
  }
}
