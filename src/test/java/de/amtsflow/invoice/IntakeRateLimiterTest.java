package de.amtsflow.invoice;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class IntakeRateLimiterTest {

  static final class MutableClock extends Clock {
    Instant now = Instant.parse("2026-11-24T10:00:00Z");

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  @Test
  void limitsEachClientPerMinuteAndForgetsAfterTheWindow() {
    MutableClock clock = new MutableClock();
    InvoiceProperties properties = new InvoiceProperties(List.of(), null, 3, null, null, null);
    IntakeRateLimiter limiter = new IntakeRateLimiter(properties, clock);

    assertThat(limiter.acquire("10.0.0.1")).isZero();
    assertThat(limiter.acquire("10.0.0.1")).isZero();
    assertThat(limiter.acquire("10.0.0.1")).isZero();
    clock.now = clock.now.plusSeconds(20);
    assertThat(limiter.acquire("10.0.0.1")).isEqualTo(40);
    assertThat(limiter.acquire("10.0.0.2")).isZero();

    clock.now = clock.now.plusSeconds(41);
    assertThat(limiter.acquire("10.0.0.1")).isZero();
  }
}
