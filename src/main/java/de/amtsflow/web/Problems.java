package de.amtsflow.web;

import java.net.URI;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A refusal as an RFC 9457 problem: type {@code urn:amtsflow:problem:<area>:<code>}, German text.
 */
public final class Problems {

  private Problems() {}

  /**
   * @param area the feature refusing ("invoice", "permit"), part of the problem type
   * @param code stable machine-readable reason, also the {@code code} property
   * @param extra further properties (e.g. {@code field}, {@code existingInvoiceId})
   */
  public static ErrorResponseException of(
      HttpStatus status,
      String area,
      String code,
      String title,
      String detail,
      Map<String, Object> extra) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setTitle(title);
    problem.setType(URI.create("urn:amtsflow:problem:" + area + ":" + code));
    problem.setProperty("code", code);
    extra.forEach(problem::setProperty);
    return new ErrorResponseException(status, problem, null);
  }
}
