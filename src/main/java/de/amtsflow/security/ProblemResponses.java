package de.amtsflow.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * 401 and 403 decided by the filter chain (503 when the credentials could not be checked at all),
 * answered as RFC 9457 problems like every other error.
 */
final class ProblemResponses {

  private ProblemResponses() {}

  static AuthenticationEntryPoint unauthorized(ObjectMapper json) {
    return unauthorized(json, true);
  }

  /**
   * @param challenge send the Basic challenge; not for browser pages, where it makes the browser
   *     pop up its own login dialog over Tasklist's
   */
  static AuthenticationEntryPoint unauthorized(ObjectMapper json, boolean challenge) {
    return (request, response, e) -> {
      if (e instanceof AuthenticationServiceException) {
        // the credentials could not be checked (the directory is down): no reason to ask again
        response.setHeader(HttpHeaders.RETRY_AFTER, "30");
        write(
            json,
            response,
            HttpStatus.SERVICE_UNAVAILABLE,
            "identity-unavailable",
            "Anmeldung derzeit nicht möglich",
            "Das Benutzerverzeichnis ist nicht erreichbar. Bitte später erneut versuchen.",
            request.getRequestURI());
        return;
      }
      // scripts of our pages say so: their 401 must not make the browser ask for a Basic login
      boolean script = request.getHeader("X-Requested-With") != null;
      if (challenge && !script) {
        response.setHeader(
            HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"amtsflow\", charset=\"UTF-8\"");
      }
      write(
          json,
          response,
          HttpStatus.UNAUTHORIZED,
          "unauthenticated",
          "Anmeldung erforderlich",
          "Bitte mit Benutzername und Passwort anmelden (HTTP Basic).",
          request.getRequestURI());
    };
  }

  static AccessDeniedHandler forbidden(ObjectMapper json) {
    return (request, response, e) ->
        write(
            json,
            response,
            HttpStatus.FORBIDDEN,
            "forbidden",
            "Keine Berechtigung",
            "Ihre Benutzergruppen erlauben diese Aktion nicht.",
            request.getRequestURI());
  }

  private static void write(
      ObjectMapper json,
      HttpServletResponse response,
      HttpStatus status,
      String code,
      String title,
      String detail,
      String path)
      throws IOException {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setTitle(title);
    problem.setType(URI.create("urn:amtsflow:problem:" + code));
    problem.setInstance(URI.create(path));
    problem.setProperty("code", code);
    response.setStatus(status.value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    json.writeValue(response.getOutputStream(), problem);
  }
}
