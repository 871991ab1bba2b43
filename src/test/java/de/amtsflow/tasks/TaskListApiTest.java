package de.amtsflow.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import de.amtsflow.AbstractHttpTest;
import de.amtsflow.invoice.InvoiceProcess;
import de.amtsflow.permit.PermitFixtures;
import de.amtsflow.permit.PermitProcess;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * {@code GET /api/tasks} as a clerk with many open tasks needs it: a page at a time with the total,
 * sorted, filtered, each task with the values its card shows (not every variable of its case), and
 * a clear 400 for a page that cannot be.
 */
class TaskListApiTest extends AbstractHttpTest {

  @Autowired RuntimeService runtime;

  @Test
  void pagesSortsAndFiltersWithTheCardValuesOnly() {
    List<String> fileNumbers = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      fileNumbers.add(submitPermit());
    }

    // one case: its completeness check, with what the card shows and the case's id
    JsonNode one = list("bauamt", "fileNumber=" + fileNumbers.get(0));
    assertThat(one.path("total").asLong()).isEqualTo(1);
    JsonNode task = one.path("items").get(0);
    assertThat(task.path("taskKey").asText()).isEqualTo(PermitProcess.Task.CHECK_COMPLETENESS);
    assertThat(task.path("businessKey").asText()).isEqualTo(fileNumbers.get(0));
    assertThat(task.path("variables").path(PermitProcess.Var.APPLICANT_NAME).asText())
        .isEqualTo("Erika Mustermann");
    assertThat(task.path("variables").path(PermitProcess.Var.APPLICATION_ID).asText()).isNotEmpty();
    Set<String> listed = new HashSet<>();
    task.path("variables").fieldNames().forEachRemaining(listed::add);
    assertThat(listed).isSubsetOf(TaskCards.LISTED);
    // the task on its own has all its variables
    JsonNode whole =
        as("bauamt")
            .get()
            .uri("/api/tasks/{id}", task.path("id").asText())
            .retrieve()
            .body(JsonNode.class);
    assertThat(whole.path("variables").size()).isGreaterThan(listed.size());

    // pages of two, newest first: no task twice, none skipped, the total on every page
    String query =
        "processKey=" + PermitProcess.KEY + "&taskKey=" + PermitProcess.Task.CHECK_COMPLETENESS;
    long total = list("bauamt", query + "&size=1").path("total").asLong();
    assertThat(total).isGreaterThanOrEqualTo(3);
    List<String> ids = new ArrayList<>();
    List<Instant> created = new ArrayList<>();
    for (int page = 0; page * 2 < total; page++) {
      JsonNode slice = list("bauamt", query + "&size=2&sort=-created&page=" + page);
      assertThat(slice.path("total").asLong()).isEqualTo(total);
      assertThat(slice.path("items").size()).isBetween(1, 2);
      slice
          .path("items")
          .forEach(
              t -> {
                ids.add(t.path("id").asText());
                created.add(Instant.parse(t.path("created").asText()));
              });
    }
    assertThat(ids).doesNotHaveDuplicates().hasSize((int) total);
    assertThat(created).isSortedAccordingTo(java.util.Comparator.reverseOrder());
    // the newest three are ours
    assertThat(list("bauamt", query + "&size=3&sort=-created").findValuesAsText("businessKey"))
        .containsExactlyInAnyOrderElementsOf(fileNumbers);

    // due by a day: the completeness check is due weeks after submission, so not by yesterday
    assertThat(
            list(
                    "bauamt",
                    "fileNumber="
                        + fileNumbers.get(0)
                        + "&dueBy="
                        + java.time.LocalDate.now().minusDays(1))
                .path("total")
                .asLong())
        .isZero();
    assertThat(
            list("bauamt", "fileNumber=" + fileNumbers.get(0) + "&dueBy=2099-12-31")
                .path("total")
                .asLong())
        .isEqualTo(1);

    // another group's clerk does not see the case at all
    assertThat(list("rechnung", "fileNumber=" + fileNumbers.get(0)).path("total").asLong())
        .isZero();
    assertThat(list("rechnung", "processKey=" + PermitProcess.KEY).path("items").size()).isZero();
  }

  @Test
  void aPageThatCannotBeIsRefusedNamingTheParameter() {
    for (String[] bad :
        List.of(
            new String[] {"size=0", "size"},
            new String[] {"size=201", "size"},
            new String[] {"page=-1", "page"},
            new String[] {"page=2147483647&size=200", "page"},
            new String[] {"sort=name", "sort"})) {
      ResponseEntity<JsonNode> answer =
          as("bauamt")
              .get()
              .uri("/api/tasks?" + bad[0])
              .retrieve()
              .onStatus(s -> true, (rq, rs) -> {})
              .toEntity(JsonNode.class);
      assertThat(answer.getStatusCode().value()).as(bad[0]).isEqualTo(400);
      assertThat(answer.getHeaders().getContentType().toString())
          .startsWith("application/problem+json");
      assertThat(answer.getBody().toString()).as(bad[0]).contains("\"" + bad[1] + "\"");
    }
  }

  @Test
  void theListedVariablesAreTheFeaturesOwn() {
    // the tasks module names variables as strings (it must not know the features): they must
    // stay the names the processes use
    assertThat(TaskCards.LISTED)
        .contains(
            PermitProcess.Var.FILE_NUMBER,
            PermitProcess.Var.APPLICANT_NAME,
            PermitProcess.Var.APPLICATION_ID,
            InvoiceProcess.Var.FILE_NUMBER,
            InvoiceProcess.Var.SELLER_NAME,
            InvoiceProcess.Var.GROSS_AMOUNT_TEXT,
            InvoiceProcess.Var.INVOICE_ID);
  }

  private JsonNode list(String user, String query) {
    return as(user).get().uri("/api/tasks?" + query).retrieve().body(JsonNode.class);
  }

  private String submitPermit() {
    JsonNode receipt =
        anonymous
            .post()
            .uri("/api/permit-applications")
            .contentType(MediaType.APPLICATION_JSON)
            .body(PermitFixtures.application())
            .retrieve()
            .body(JsonNode.class);
    String fileNumber = receipt.get("fileNumber").asText();
    ProcessInstance pi =
        runtime.createProcessInstanceQuery().processInstanceBusinessKey(fileNumber).singleResult();
    runJobs(pi);
    return fileNumber;
  }
}
