package de.amtsflow.web;

import java.net.URI;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * The one shape of a 400 that names fields: {@code errors} lists every bad field with a German
 * message, {@code field} names it when there is only one. Used by the error advice for bean
 * validation and by features that validate by hand (cross-field rules, task payloads).
 */
public final class FieldProblems {

  /** A bad field: its path as the client sent it (e.g. {@code plot.parcels[0]}) and why. */
  public record FieldError(String field, String message) {}

  private FieldProblems() {}

  public static ProblemDetail problem(List<FieldError> errors) {
    String fields =
        errors.stream().map(FieldError::field).distinct().collect(Collectors.joining(", "));
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.BAD_REQUEST, "Bitte prüfen Sie: " + fields + ".");
    problem.setTitle("Ungültige Eingabe");
    problem.setType(URI.create("urn:amtsflow:problem:invalid-field"));
    problem.setProperty("code", "invalid-field");
    problem.setProperty("errors", errors);
    if (errors.size() == 1) {
      problem.setProperty("field", errors.get(0).field());
    }
    return problem;
  }

  public static ErrorResponseException invalid(List<FieldError> errors) {
    return new ErrorResponseException(HttpStatus.BAD_REQUEST, problem(errors), null);
  }
}
