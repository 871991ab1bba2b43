package de.amtsflow.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ClientRateLimiterTest {

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
    ClientRateLimiter limiter = new ClientRateLimiter(3, clock);

    assertThat(limiter.acquire("10.0.0.1")).isZero();
    assertThat(limiter.acquire("10.0.0.1")).isZero();
    assertThat(limiter.acquire("10.0.0.1")).isZero();
    clock.now = clock.now.plusSeconds(20);
    assertThat(limiter.acquire("10.0.0.1")).isEqualTo(40);
    assertThat(limiter.acquire("10.0.0.2")).isZero();

    clock.now = clock.now.plusSeconds(41);
    assertThat(limiter.acquire("10.0.0.1")).isZero();
  }

  @Test
  void refusesWith429AndRetryAfter() {
    MutableClock clock = new MutableClock();
    ClientRateLimiter limiter = new ClientRateLimiter(1, clock);
    limiter.check("10.0.0.1", "permit", "Zu viele Anträge");

    assertThatThrownBy(() -> limiter.check("10.0.0.1", "permit", "Zu viele Anträge"))
        .isInstanceOfSatisfying(
            org.springframework.web.ErrorResponseException.class,
            e -> {
              assertThat(e.getStatusCode().value()).isEqualTo(429);
              assertThat(e.getHeaders().getFirst("Retry-After")).isEqualTo("60");
              assertThat(e.getBody().getTitle()).isEqualTo("Zu viele Anträge");
              assertThat(e.getBody().getType().toString())
                  .isEqualTo("urn:amtsflow:problem:permit:rate-limited");
            });
  }
}
