package de.amtsflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import de.amtsflow.AbstractHttpTest;
import de.amtsflow.browser.WebappBrowser;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A clerk logged into Tasklist opens what task forms link to with that login: GETs under {@code
 * /api} accept the webapps' session, with the clerk's own groups; writes and the engine REST API do
 * not; the session survives those reads (its id is not changed under Tasklist's feet). And the
 * webapps are configured as clerks expect them: German, amtsflow, no Camunda 8 banner.
 */
class TasklistSessionTest extends AbstractHttpTest {

  private WebappBrowser browser;

  @BeforeEach
  void browserLikeClient() {
    browser = new WebappBrowser(port);
  }

  @Test
  void tasklistLoginOpensReadsUnderApiWithTheClerksGroups() throws Exception {
    login("pruefer");
    String session = sessionId();

    assertThat(get("/api/tasks").statusCode()).isEqualTo(200);
    assertThat(get("/api/tasks").statusCode()).isEqualTo(200);
    assertThat(sessionId()).as("the webapps' session id is left alone").isEqualTo(session);
    // pruefer is no permit clerk: authenticated, but not allowed
    assertThat(get("/api/permit-applications/" + UUID.randomUUID()).statusCode()).isEqualTo(403);
    // Tasklist itself still works with the same session
    assertThat(get("/camunda/api/engine/engine/default/task/count").statusCode()).isEqualTo(200);
  }

  @Test
  void theSessionNeverAuthorizesWritesOrTheEngineRestApi() throws Exception {
    login("bauamt");
    HttpResponse<String> write =
        send(
            HttpRequest.newBuilder(uri("/api/efiles/" + UUID.randomUUID() + "/close"))
                .POST(HttpRequest.BodyPublishers.noBody())
                .build());
    assertThat(write.statusCode()).isEqualTo(401);
    assertThat(get("/engine-rest/task").statusCode()).isEqualTo(401);
    assertThat(get("/api/tasks").statusCode()).isEqualTo(200);
  }

  @Test
  void withoutTasklistLoginTheFormLinksAskForIt() throws Exception {
    HttpResponse<String> unauthenticated = get("/api/tasks");
    assertThat(unauthenticated.statusCode()).isEqualTo(401);
    assertThat(unauthenticated.headers().firstValue("WWW-Authenticate")).isPresent();
    // the e-file page's script asks without making the browser pop up a Basic login dialog
    HttpResponse<String> fromScript =
        send(
            HttpRequest.newBuilder(uri("/api/efiles/" + UUID.randomUUID()))
                .header("X-Requested-With", "fetch")
                .GET()
                .build());
    assertThat(fromScript.statusCode()).isEqualTo(401);
    assertThat(fromScript.headers().firstValue("WWW-Authenticate")).isEmpty();
    HttpResponse<String> page = get("/akte.html");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("E-Akte");
    // our pages run only their own scripts
    assertThat(page.headers().firstValue("Content-Security-Policy"))
        .hasValue(SecurityConfig.PAGES_CSP);
  }

  @Test
  void webappsSpeakGermanCarryTheNameAndHideTheVendorBanner() throws Exception {
    for (String app : new String[] {"tasklist", "cockpit", "admin", "welcome"}) {
      String config = get("/camunda/app/" + app + "/scripts/config.js").body();
      assertThat(config).as(app).contains("availableLocales: ['de']", "vendor: 'amtsflow'");
      String styles = get("/camunda/app/" + app + "/styles/user-styles.css").body();
      assertThat(styles).as(app).containsPattern("\\.ce-eol-banner \\{\\s*display: none");
    }
    assertThat(get("/camunda/app/tasklist/locales/de.json").statusCode()).isEqualTo(200);
  }

  private void login(String user) throws IOException, InterruptedException {
    HttpResponse<String> login = browser.login("tasklist", user, user);
    assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
  }

  private String sessionId() {
    return browser.cookie("JSESSIONID");
  }

  private HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return browser.get(path);
  }

  private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
    return browser.send(request);
  }

  private URI uri(String path) {
    return browser.uri(path);
  }
}
