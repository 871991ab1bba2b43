package de.amtsflow.browser;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * The Camunda webapps as a browser sees them: cookies are kept, and the login form hands back the
 * CSRF token the first page set.
 */
public final class WebappBrowser {

  private final CookieManager cookies = new CookieManager();
  private final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).build();
  private final int port;

  public WebappBrowser(int port) {
    this.port = port;
  }

  /** Logs into {@code app} (tasklist, cockpit, admin) as Tasklist's login page does. */
  public HttpResponse<String> login(String app, String user, String password)
      throws IOException, InterruptedException {
    return login("default", app, user, password);
  }

  public HttpResponse<String> login(String engine, String app, String user, String password)
      throws IOException, InterruptedException {
    // the webapps hand out their CSRF token with the first page
    get("/camunda/app/" + app + "/");
    String form =
        "username="
            + URLEncoder.encode(user, StandardCharsets.UTF_8)
            + "&password="
            + URLEncoder.encode(password, StandardCharsets.UTF_8);
    return send(
        HttpRequest.newBuilder(uri("/camunda/api/admin/auth/user/" + engine + "/login/" + app))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("X-XSRF-TOKEN", cookie("XSRF-TOKEN"))
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build());
  }

  public String cookie(String name) {
    return cookies.getCookieStore().getCookies().stream()
        .filter(c -> c.getName().equals(name))
        .map(HttpCookie::getValue)
        .findFirst()
        .orElseThrow();
  }

  public HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return send(
        HttpRequest.newBuilder(uri(path)).header("Accept", "application/json, */*").GET().build());
  }

  public HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  public URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }
}
