package de.amtsflow.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** Readiness waits for the warm-ups; a failing or hanging one does not keep the node unready. */
class WarmUpsTest {

  @Test
  void readinessComesAfterEveryWarmUpEvenAFailingOne() {
    AtomicBoolean compiled = new AtomicBoolean();
    CountDownLatch release = new CountDownLatch(1);
    WarmUps warmUps =
        new WarmUps(
            List.of(
                new WarmUp("slow", () -> await(release, () -> compiled.set(true))),
                new WarmUp(
                    "failing",
                    () -> {
                      release.countDown();
                      throw new IllegalStateException("rule set missing");
                    })),
            Duration.ofMinutes(1));

    warmUps.start();

    assertThat(warmUps.awaitBeforeReadiness()).isTrue();
    assertThat(compiled).isTrue();
    assertThat(warmUps.succeeded()).containsExactly("slow");
  }

  @Test
  void aHangingWarmUpIsWaitedForOnlyUntilTheTimeout() {
    CountDownLatch never = new CountDownLatch(1);
    WarmUps warmUps =
        new WarmUps(
            List.of(new WarmUp("hanging", () -> await(never, () -> {}))), Duration.ofMillis(50));

    warmUps.start();

    assertThat(warmUps.awaitBeforeReadiness()).isFalse();
    never.countDown();
  }

  private static void await(CountDownLatch latch, Runnable then) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    then.run();
  }
}
