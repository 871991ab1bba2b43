package de.amtsflow.invoice;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.springframework.stereotype.Component;

/**
 * Bounds how many invoices one client may post per minute (a fixed window per client address), so
 * an open intake cannot be used to flood the e-file store. Per node: behind a load balancer the
 * limit applies per node.
 */
@Component
class IntakeRateLimiter {

  private static final Duration WINDOW = Duration.ofMinutes(1);
  private static final int MAX_CLIENTS = 100_000;

  private record Window(Instant start, int count) {}

  private final ConcurrentMap<String, Window> windows = new ConcurrentHashMap<>();
  private final InvoiceProperties properties;
  private final Clock clock;

  IntakeRateLimiter(InvoiceProperties properties, Clock clock) {
    this.properties = properties;
    this.clock = clock;
  }

  /**
   * @return seconds to wait, or 0 when the request may proceed
   */
  long acquire(String client) {
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
    if (window.count() <= properties.intakePerMinute()) {
      return 0;
    }
    return Math.max(1, Duration.between(now, window.start().plus(WINDOW)).toSeconds());
  }
}
