package de.amtsflow.bench.load;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Counts read from the engine's REST API ({@code /engine-rest}), which both apps include: async
 * jobs still to run, and whether a case already waits at a user task.
 */
final class EngineRest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http;
  private final String base;
  private final String authorization;

  /**
   * @param user {@code name:password} for HTTP Basic (amtsflow's admin), or null
   */
  EngineRest(HttpClient http, String base, String user) {
    this.http = http;
    this.base = base + "/engine-rest";
    this.authorization =
        user == null
            ? null
            : "Basic " + Base64.getEncoder().encodeToString(user.getBytes(StandardCharsets.UTF_8));
  }

  /** Jobs due now with retries left: the work the job executor still has before it. */
  long executableJobs() throws IOException, InterruptedException {
    return count("/job/count?executable=true");
  }

  /** Jobs that failed for good (no retries left): an error of the run, not a backlog. */
  long failedJobs() throws IOException, InterruptedException {
    return count("/job/count?noRetriesLeft=true");
  }

  long tasksOf(String businessKey) throws IOException, InterruptedException {
    return count(
        "/task/count?processInstanceBusinessKey="
            + URLEncoder.encode(businessKey, StandardCharsets.UTF_8));
  }

  private long count(String path) throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + path)).timeout(Workload.TIMEOUT);
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    HttpResponse<String> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    if (answer.statusCode() != 200) {
      throw new IOException(
          "GET " + path + " answered " + answer.statusCode() + ": " + answer.body());
    }
    return JSON.readTree(answer.body()).path("count").asLong();
  }
}
