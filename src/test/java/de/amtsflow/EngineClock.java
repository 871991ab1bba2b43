package de.amtsflow;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The application's clock follows the engine's in HTTP tests: a test that moves the engine clock
 * (ClockUtil) to let a timer fire also moves "now" for the services that compute deadlines, so
 * dates computed after the move (e.g. when documents arrive) are consistent with the timers.
 */
@TestConfiguration(proxyBeanMethods = false)
public class EngineClock {

  static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

  @Bean
  @Primary
  Clock engineClock() {
    return new FollowingEngine(ZONE);
  }

  private static final class FollowingEngine extends Clock {
    private final ZoneId zone;

    FollowingEngine(ZoneId zone) {
      this.zone = zone;
    }

    @Override
    public ZoneId getZone() {
      return zone;
    }

    @Override
    public Clock withZone(ZoneId other) {
      return new FollowingEngine(other);
    }

    @Override
    public Instant instant() {
      return ClockUtil.getCurrentTime().toInstant();
    }
  }
}
