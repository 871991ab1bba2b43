package de.amtsflow.permit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import de.amtsflow.efile.EFileStatus;
import de.amtsflow.letters.GermanFormats;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The e-file's "Verlauf" over HTTP ({@code GET /api/efiles/{id}/timeline}): for a closed permit
 * case, the engine's history (who completed which task, with its outcome) merged with the e-file's
 * audit trail, oldest first, read with the caller's permissions; and the documents with their kind
 * and who filed them in German.
 */
class CaseTimelineApiTest extends AbstractPermitTest {

  static final Set<String> PROCESS_STEPS =
      Set.of(
          "PROCESS_STARTED",
          "TASK_COMPLETED",
          "TASK_OPEN",
          "TASK_CANCELLED",
          "EVENT",
          "DEADLINE_PASSED",
          "PROCESS_ENDED");

  ResponseEntity<JsonNode> timeline(String user, String efileId) {
    return as(user)
        .get()
        .uri("/api/efiles/{id}/timeline", efileId)
        .retrieve()
        .toEntity(JsonNode.class);
  }

  static List<JsonNode> steps(ResponseEntity<JsonNode> timeline) {
    assertThat(timeline.getStatusCode().value()).as("%s", timeline.getBody()).isEqualTo(200);
    return StreamSupport.stream(timeline.getBody().get("steps").spliterator(), false).toList();
  }

  static String text(JsonNode node, String field) {
    return node.get(field).isNull() ? null : node.get(field).asText();
  }

  @Test
  void aClosedCaseListsItsStepsInOrderWithWhoDidThemAndTheOutcome() {
    Closed closed = approvedAfterNachforderung();
    Submitted application = closed.application();
    assertThat(efiles.get(UUID.fromString(application.efileId())).status())
        .isEqualTo(EFileStatus.CLOSED);

    ResponseEntity<JsonNode> answer = timeline("bauamt", application.efileId());
    List<JsonNode> steps = steps(answer);
    assertThat(answer.getBody().get("withheld").asBoolean()).isFalse();
    assertThat(answer.getBody().get("fileNumber").asText()).isEqualTo(application.fileNumber());
    assertThat(steps.stream().map(s -> Instant.parse(s.get("at").asText())).toList()).isSorted();

    assertThat(steps)
        .filteredOn(s -> PROCESS_STEPS.contains(s.get("type").asText()))
        .extracting(s -> text(s, "text"), s -> text(s, "actorName"), s -> text(s, "detail"))
        .containsExactly(
            tuple(
                "Bauantrag eingegangen",
                "automatisch (System)",
                "Baugenehmigungsverfahren begonnen"),
            tuple(
                "Vollständigkeit prüfen",
                "Berta Bauamt (bauamt)",
                "unvollständig – nachgefordert: Baubeschreibung; Frist bis "
                    + GermanFormats.date(closed.requestDeadline())),
            tuple("Unterlagen nachgereicht", null, null),
            tuple(
                "Vollständigkeit prüfen",
                "Berta Bauamt (bauamt)",
                "vollständig; beteiligt: Wasserwirtschaftsamt"),
            // the Einvernehmen is a process of the Gemeinde, in its tenant: its steps are the
            // Gemeinde's history (the statement itself is filed in the e-file, see below)
            tuple(
                "Stellungnahme abgeben",
                "Franziska Fachstelle (fachstelle)",
                "Wasserwirtschaftsamt: Zustimmung mit Auflagen – Niederschlagswasser ist auf dem"
                    + " Grundstück zu versickern."),
            tuple(
                "Bauantrag prüfen",
                "Berta Bauamt (bauamt)",
                "geprüft – Vermerk: zulässig nach § 34 BauGB"),
            tuple("Über den Bauantrag entscheiden", "Berta Bauamt (bauamt)", "genehmigt"),
            tuple(
                "Verfahren abgeschlossen",
                "automatisch (System)",
                "Baugenehmigungsverfahren beendet"));
    // the e-file's own record, in German, between the steps of the process
    assertThat(steps)
        .extracting(s -> text(s, "text"), s -> text(s, "actorName"))
        .contains(
            tuple("Akte angelegt", "Antragsteller/in (online)"),
            tuple(
                "Dokument eingestellt: Einvernehmen der Gemeinde (§ 36 BauGB)",
                "Georg Gemeinde (gemeinde)"),
            tuple("Dokument eingestellt: Baugenehmigung", "Bauaufsicht (automatisch)"),
            tuple("Schreiben per E-Mail verschickt", "Bauaufsicht (automatisch)"));
    assertThat(texts(steps))
        .containsSubsequence(
            "Dokument eingestellt: Einvernehmen der Gemeinde (§ 36 BauGB)",
            "Stellungnahme abgeben",
            "Über den Bauantrag entscheiden",
            "Dokument eingestellt: Baugenehmigung",
            "Akte geschlossen");
    assertThat(steps)
        .filteredOn(s -> s.get("type").asText().equals("EFILE_CLOSED"))
        .singleElement()
        .satisfies(
            s -> assertThat(text(s, "detail")).matches("aufzubewahren bis 31\\.12\\.\\d{4}"));

    // the documents: kinds and who filed them in German, no kind left unnamed
    JsonNode documents =
        as("bauamt")
            .get()
            .uri("/api/efiles/{id}/documents", application.efileId())
            .retrieve()
            .body(JsonNode.class);
    assertThat(documents.findValuesAsText("kindLabel")).doesNotContain("Sonstiges");
    assertThat(documents)
        .extracting(
            d -> d.get("title").asText(),
            d -> d.get("kindLabel").asText(),
            d -> d.get("createdByName").asText())
        .containsExactly(
            tuple("Bauantrag", "Bauantrag", "Antragsteller/in (online)"),
            tuple("Eingangsbestätigung", "Eingangsbestätigung", "Bauaufsicht (automatisch)"),
            tuple("Nachforderung 1", "Nachforderung", "Bauaufsicht (automatisch)"),
            tuple("Baubeschreibung", "Baubeschreibung", "Antragsteller/in (online)"),
            tuple(
                "Einvernehmen der Gemeinde (§ 36 BauGB)",
                "Stellungnahme",
                "Georg Gemeinde (gemeinde)"),
            tuple(
                "Stellungnahme Wasserwirtschaftsamt",
                "Stellungnahme",
                "Franziska Fachstelle (fachstelle)"),
            tuple("Baugenehmigung", "Bescheid", "Bauaufsicht (automatisch)"),
            tuple("Gebührenbescheid", "Gebührenbescheid", "Bauaufsicht (automatisch)"));
  }

  @Test
  void theTimelineIsReadWithTheCallersPermissions() {
    Submitted application = submit(PermitFixtures.application());
    runJobs(instance(application));

    // the Bauaufsicht reads the running case: its open task too
    List<JsonNode> clerk = steps(timeline("bauamt", application.efileId()));
    assertThat(clerk)
        .filteredOn(s -> s.get("type").asText().equals("TASK_OPEN"))
        .extracting(s -> text(s, "text"), s -> text(s, "detail"))
        .containsExactly(tuple("Vollständigkeit prüfen", "offen"));

    // the Gemeinde reads nothing before it is asked; once asked for its Einvernehmen it reads the
    // e-file and its own process's history, not the Bauaufsicht's
    assertThat(timeline("gemeinde", application.efileId()).getStatusCode().value()).isEqualTo(403);
    confirmComplete(instance(application), "WATER");
    ResponseEntity<JsonNode> municipality = timeline("gemeinde", application.efileId());
    assertThat(municipality.getBody().get("withheld").asBoolean()).isFalse();
    assertThat(steps(municipality))
        .filteredOn(s -> PROCESS_STEPS.contains(s.get("type").asText()))
        .extracting(s -> text(s, "text"))
        .contains("Einvernehmen der Gemeinde erklären")
        .doesNotContain("Vollständigkeit prüfen");

    // the Rechnungseingang may not read permit e-files at all
    ResponseEntity<JsonNode> invoiceClerk = timeline("rechnung", application.efileId());
    assertThat(invoiceClerk.getStatusCode().value()).isEqualTo(403);
    assertThat(invoiceClerk.getHeaders().getContentType())
        .isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(invoiceClerk.getBody().toString()).doesNotContain("Vollständigkeit");

    ResponseEntity<JsonNode> unknown = timeline("bauamt", UUID.randomUUID().toString());
    assertThat(unknown.getStatusCode().value()).isEqualTo(404);
    assertThat(unknown.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);

    assertThat(
            anonymous
                .get()
                .uri("/api/efiles/{id}/timeline", application.efileId())
                .retrieve()
                .toBodilessEntity()
                .getStatusCode()
                .value())
        .isEqualTo(401);
  }

  @Test
  void theTimelineIsDocumentedInOpenApi() {
    JsonNode docs = anonymous.get().uri("/v3/api-docs").retrieve().body(JsonNode.class);
    JsonNode timeline = docs.get("paths").get("/api/efiles/{id}/timeline").get("get");
    assertThat(timeline.get("summary").asText()).contains("Verlauf");
    assertThat(timeline.get("tags").get(0).asText()).isEqualTo("E-Akte");
    JsonNode document = docs.get("components").get("schemas").get("DocumentView").get("properties");
    assertThat(document.has("kindLabel")).isTrue();
    assertThat(document.has("createdByName")).isTrue();
    // the document's own fields beside them, not nested
    assertThat(document.has("title")).isTrue();
    assertThat(document.has("document")).isFalse();
  }

  static List<String> texts(List<JsonNode> steps) {
    return steps.stream().map(s -> s.get("text").asText()).toList();
  }
}
