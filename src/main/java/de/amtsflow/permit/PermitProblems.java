package de.amtsflow.permit;

import de.amtsflow.web.Problems;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** Refusals of the permit API, as RFC 9457 problems in German (citizens read them). */
final class PermitProblems {

  private PermitProblems() {}

  static ErrorResponseException of(
      HttpStatus status, String code, String title, String detail, Map<String, Object> extra) {
    return Problems.of(status, "permit", code, title, detail, extra);
  }

  /** Unknown application, or a wrong or missing token: the same answer, so nothing is revealed. */
  static ErrorResponseException notFound() {
    return of(
        HttpStatus.NOT_FOUND,
        "application-not-found",
        "Antrag nicht gefunden",
        "Zu dieser Antragsnummer und diesem Zugangscode gibt es keinen Antrag.",
        Map.of());
  }

  static ErrorResponseException closed(PermitStatus status) {
    return of(
        HttpStatus.CONFLICT,
        "case-closed",
        "Verfahren abgeschlossen",
        "Das Verfahren ist abgeschlossen (Stand: "
            + status.label()
            + ") und nimmt keine Unterlagen mehr an. Bitte wenden Sie sich an die Bauaufsicht.",
        Map.of("status", status.name()));
  }
}
