package de.amtsflow.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * Bounds how many requests one client may make per minute (a fixed window per client address), so
 * an entry point open without login (the invoice intake, the Bauantrag) cannot be used to flood the
 * e-file store. Per node: behind a load balancer the limit applies per node. Each entry point holds
 * its own instance.
 */
public final class ClientRateLimiter {

  private static final Duration WINDOW = Duration.ofMinutes(1);
  private static final int MAX_CLIENTS = 100_000;

  private record Window(Instant start, int count) {}

  private final ConcurrentMap<String, Window> windows = new ConcurrentHashMap<>();
  private final int perMinute;
  private final Clock clock;

  public ClientRateLimiter(int perMinute, Clock clock) {
    this.perMinute = perMinute;
    this.clock = clock;
  }

  /**
   * @return seconds to wait, or 0 when the request may proceed
   */
  public long acquire(String client) {
    Instant now = clock.instant();
    if (windows.size() > MAX_CLIENTS) {
      windows.entrySet().removeIf(e -> e.getValue().start().plus(WINDOW).isBefore(now));
    }
    Window window =
        windows.compute(
            client,
            (key, old) ->
                old == null || !old.start().plus(WINDOW).isAfter(now)
                    ? new Window(now, 1)
                    : new Window(old.start(), old.count() + 1));
    if (window.count() <= perMinute) {
      return 0;
    }
    return Math.max(1, Duration.between(now, window.start().plus(WINDOW)).toSeconds());
  }

  /**
   * Counts the request; refuses it with 429 and {@code Retry-After} when the client is over its
   * limit.
   *
   * @param area the entry point's feature ("invoice", "permit"), part of the problem type
   * @param title what is refused, in German ("Zu viele Rechnungen")
   */
  public void check(String client, String area, String title) {
    long wait = acquire(client);
    if (wait == 0) {
      return;
    }
    ErrorResponseException refused =
        Problems.of(
            HttpStatus.TOO_MANY_REQUESTS,
            area,
            "rate-limited",
            title,
            "Bitte senden Sie in " + wait + " Sekunden erneut.",
            Map.of("retryAfterSeconds", wait));
    refused.getHeaders().set("Retry-After", Long.toString(wait));
    throw refused;
  }
}
