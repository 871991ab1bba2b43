package de.amtsflow.config;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Keeps heavy set-up off the start path and away from the first requests (issue 15).
 *
 * <p>Once the context is started ("Started … in" is logged), each {@link WarmUp} runs in a thread
 * of its own, side by side. Spring reports the node ready ({@code /actuator/health/readiness}) only
 * after the ready listeners, and the last of them waits here for the warm-ups: a load balancer
 * sends the first invoice to a node that has its rule sets compiled, so it is answered as fast as
 * the tenth. A warm-up that takes longer than {@code amtsflow.warm-up.timeout} (default 2 minutes)
 * is not waited for any longer.
 */
@Component
class WarmUps {

  private static final Logger log = LoggerFactory.getLogger(WarmUps.class);

  private final List<WarmUp> warmUps;
  private final Duration timeout;
  private volatile List<CompletableFuture<Void>> running = List.of();
  private final Set<String> succeeded = ConcurrentHashMap.newKeySet();

  WarmUps(List<WarmUp> warmUps, @Value("${amtsflow.warm-up.timeout:PT2M}") Duration timeout) {
    this.warmUps = warmUps;
    this.timeout = timeout;
  }

  @EventListener(ApplicationStartedEvent.class)
  void start() {
    running = warmUps.stream().map(this::inItsOwnThread).toList();
  }

  /** The names of the warm-ups that ran to their end. */
  Set<String> succeeded() {
    return Set.copyOf(succeeded);
  }

  private CompletableFuture<Void> inItsOwnThread(WarmUp warmUp) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    Thread thread =
        new Thread(
            () -> {
              long started = System.nanoTime();
              try {
                warmUp.work().run();
                succeeded.add(warmUp.name());
                log.info(
                    "warm-up {}: done in {} ms",
                    warmUp.name(),
                    (System.nanoTime() - started) / 1_000_000);
              } catch (RuntimeException e) {
                log.warn("warm-up {} failed; the first request does the work", warmUp.name(), e);
              } finally {
                done.complete(null);
              }
            },
            "warm-up-" + warmUp.name());
    thread.setDaemon(true);
    thread.start();
    return done;
  }

  /**
   * The last ready listener: readiness turns up when it returns.
   *
   * @return whether every warm-up readiness waits for was done in time
   */
  @EventListener(ApplicationReadyEvent.class)
  @Order(Ordered.LOWEST_PRECEDENCE)
  boolean awaitBeforeReadiness() {
    long started = System.nanoTime();
    try {
      CompletableFuture.allOf(running.toArray(CompletableFuture[]::new))
          .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      log.info(
          "warm-ups done, {} ms waited before readiness",
          (System.nanoTime() - started) / 1_000_000);
      return true;
    } catch (TimeoutException e) {
      log.warn("warm-ups not done after {}; ready without them", timeout);
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause()); // never: each warm-up catches its own
    }
  }
}
