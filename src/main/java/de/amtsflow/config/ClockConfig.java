package de.amtsflow.config;

import java.time.Clock;
import java.time.ZoneId;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One time source for the application, so deadlines and dates are testable without waiting. */
@Configuration(proxyBeanMethods = false)
class ClockConfig {

  /** German authorities count days and years in German time. */
  static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

  @Bean
  Clock clock() {
    return Clock.system(ZONE);
  }
}
