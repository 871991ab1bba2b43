package de.amtsflow.tasks;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What a task in a list shows, so three "Vollständigkeit prüfen" can be told apart: the case's file
 * number (both processes), the applicant (permit), supplier and amount (invoice). Tasklist's cards
 * (the dev filters) and {@code GET /api/tasks} show the same; a card shows the ones its process
 * has. The ids a client needs to act on the case ride along in the API.
 */
final class TaskCards {

  static final String FILE_NUMBER = "fileNumber";

  /** Tasklist's card columns: variable name and German label. */
  static final List<Map<String, String>> COLUMNS =
      List.of(
          Map.of("name", FILE_NUMBER, "label", "Aktenzeichen"),
          Map.of("name", "applicantName", "label", "Antragsteller"),
          Map.of("name", "sellerName", "label", "Lieferant"),
          Map.of("name", "grossAmountText", "label", "Betrag (brutto)"));

  /** The variables {@code GET /api/tasks} lists with each task: the columns and the case ids. */
  static final List<String> LISTED =
      Stream.concat(
              COLUMNS.stream().map(c -> c.get("name")), Stream.of("applicationId", "invoiceId"))
          .toList();

  private TaskCards() {}
}
