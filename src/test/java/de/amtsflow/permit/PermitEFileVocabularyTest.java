package de.amtsflow.permit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every kind the permit files has a German name, the Bauvorlagen the one the form offers. */
class PermitEFileVocabularyTest {

  final PermitEFileVocabulary vocabulary = new PermitEFileVocabulary();

  @Test
  void namesEveryKindThePermitFiles() {
    Map<String, String> kinds = vocabulary.documentKinds();
    assertThat(kinds)
        .containsKeys(PermitLetters.TO_APPLICANT.toArray(String[]::new))
        .containsKeys("application", "statement");
    for (DocumentKind kind : DocumentKind.values()) {
      assertThat(kinds).containsEntry(kind.efileKind(), kind.title());
    }
    assertThat(kinds.values()).allSatisfy(label -> assertThat(label).isNotBlank());
  }

  @Test
  void namesWhoFilesWhenNoClerkDoes() {
    assertThat(vocabulary.actors())
        .containsEntry(PermitStatements.FICTION_ACTOR, "Fiktion (Fristablauf)")
        .containsKeys(PermitLetters.ACTOR, PermitIntake.ACTOR_ONLINE);
  }
}
