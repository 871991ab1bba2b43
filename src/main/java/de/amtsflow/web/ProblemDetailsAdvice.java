package de.amtsflow.web;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import de.amtsflow.web.FieldProblems.FieldError;
import java.net.URI;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error of our REST API as {@code application/problem+json}: 400 naming the field, 403, 404,
 * 409, 413, 415, and a 500 that reveals nothing but an error id to quote to the operator.
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);
  private static final String RETRY_AFTER_SECONDS = "5";

  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(
      MethodArgumentNotValidException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    List<FieldError> errors =
        ex.getBindingResult().getFieldErrors().stream()
            .map(e -> new FieldError(e.getField(), e.getDefaultMessage()))
            .toList();
    return fieldProblem(errors);
  }

  @Override
  protected ResponseEntity<Object> handleHandlerMethodValidationException(
      HandlerMethodValidationException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    List<FieldError> errors =
        ex.getParameterValidationResults().stream()
            .flatMap(
                r ->
                    r.getResolvableErrors().stream()
                        .map(
                            e ->
                                new FieldError(
                                    r.getMethodParameter().getParameterName(),
                                    e.getDefaultMessage())))
            .toList();
    return fieldProblem(errors);
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    if (ex.getCause() instanceof MismatchedInputException mismatch
        && !mismatch.getPath().isEmpty()) {
      String field =
          mismatch.getPath().stream()
              .map(JsonMappingException.Reference::getFieldName)
              .map(f -> f == null ? "[]" : f)
              .collect(Collectors.joining("."));
      String message =
          mismatch instanceof InvalidFormatException invalid
              ? "Ungültiger Wert: " + invalid.getValue()
              : "Ungültiger Wert.";
      return fieldProblem(List.of(new FieldError(field, message)));
    }
    ProblemDetail problem =
        problem(
            HttpStatus.BAD_REQUEST,
            "malformed-request",
            "Ungültige Anfrage",
            "Der Anfrageinhalt ist kein gültiges JSON oder fehlt.");
    return ResponseEntity.badRequest().body(problem);
  }

  @Override
  protected ResponseEntity<Object> handleMissingServletRequestParameter(
      MissingServletRequestParameterException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    return fieldProblem(List.of(new FieldError(ex.getParameterName(), "Pflichtangabe fehlt.")));
  }

  @Override
  protected ResponseEntity<Object> handleMissingServletRequestPart(
      MissingServletRequestPartException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    return fieldProblem(List.of(new FieldError(ex.getRequestPartName(), "Pflichtangabe fehlt.")));
  }

  @Override
  protected ResponseEntity<Object> handleMaxUploadSizeExceededException(
      MaxUploadSizeExceededException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    ProblemDetail problem =
        problem(
            HttpStatus.PAYLOAD_TOO_LARGE,
            "too-large",
            "Datei zu groß",
            "Die Datei überschreitet die zulässige Größe.");
    problem.setProperty("field", "file");
    if (ex.getMaxUploadSize() > 0) {
      problem.setProperty("maxBytes", ex.getMaxUploadSize());
    }
    return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(problem);
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ResponseEntity<Object> typeMismatch(MethodArgumentTypeMismatchException ex) {
    return fieldProblem(List.of(new FieldError(ex.getName(), "Ungültiger Wert: " + ex.getValue())));
  }

  @ExceptionHandler(AccessDeniedException.class)
  ResponseEntity<ProblemDetail> forbidden(AccessDeniedException ex) {
    return ResponseEntity.status(HttpStatus.FORBIDDEN)
        .body(
            problem(
                HttpStatus.FORBIDDEN,
                "forbidden",
                "Keine Berechtigung",
                "Ihre Benutzergruppen erlauben diese Aktion nicht."));
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<ProblemDetail> unexpected(Exception ex) {
    if (causedByPoolTimeout(ex)) {
      return overloaded(ex);
    }
    String errorId = UUID.randomUUID().toString();
    log.error("unexpected error {}", errorId, ex);
    ProblemDetail problem =
        problem(
            HttpStatus.INTERNAL_SERVER_ERROR,
            "internal-error",
            "Interner Fehler",
            "Die Anfrage konnte nicht verarbeitet werden. Fehlernummer: " + errorId);
    problem.setProperty("errorId", errorId);
    return ResponseEntity.internalServerError().body(problem);
  }

  // every database connection stayed busy for the pool's connection-timeout: shed the request
  // with 503 and Retry-After (nothing was stored: the transaction never began)
  private static ResponseEntity<ProblemDetail> overloaded(Exception ex) {
    log.warn("no database connection free in time, answered 503: {}", ex.toString());
    ProblemDetail problem =
        problem(
            HttpStatus.SERVICE_UNAVAILABLE,
            "overloaded",
            "Vorübergehend überlastet",
            "Das System ist gerade stark ausgelastet. Ihre Anfrage wurde nicht gespeichert; bitte"
                + " versuchen Sie es in einigen Sekunden erneut.");
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
        .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
        .body(problem);
  }

  private static boolean causedByPoolTimeout(Throwable ex) {
    for (Throwable t = ex; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof SQLTransientConnectionException) {
        return true;
      }
    }
    return false;
  }

  private static ResponseEntity<Object> fieldProblem(List<FieldError> errors) {
    return ResponseEntity.badRequest().body(FieldProblems.problem(errors));
  }

  static ProblemDetail problem(HttpStatus status, String code, String title, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setTitle(title);
    problem.setType(URI.create("urn:amtsflow:problem:" + code));
    problem.setProperty("code", code);
    return problem;
  }
}
