package de.amtsflow.efile;

import java.net.URI;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A refused e-file operation. It carries its RFC 9457 problem, so the one error advice can answer
 * it without knowing this module.
 */
public class EFileException extends ErrorResponseException {

  private final String code;

  EFileException(HttpStatus status, String code, String title, String detail) {
    this(status, code, title, detail, Map.of());
  }

  EFileException(
      HttpStatus status, String code, String title, String detail, Map<String, Object> extra) {
    super(status, problem(status, code, title, detail, extra), null);
    this.code = code;
  }

  private static ProblemDetail problem(
      HttpStatus status, String code, String title, String detail, Map<String, Object> extra) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setTitle(title);
    problem.setType(URI.create("urn:amtsflow:problem:efile:" + code));
    problem.setProperty("code", code);
    extra.forEach(problem::setProperty);
    return problem;
  }

  /** Stable machine-readable reason, e.g. {@code media-type-not-allowed}. */
  public String code() {
    return code;
  }

  @Override
  public String getMessage() {
    return code + ": " + getBody().getDetail();
  }
}
