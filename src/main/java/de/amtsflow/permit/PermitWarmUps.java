package de.amtsflow.permit;

import com.fasterxml.jackson.databind.ObjectMapper;
import de.amtsflow.config.WarmUp;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Rehearses a Bauantrag's submit after start-up, before readiness ({@link PermitIntake#rehearse}):
 * the first citizen after a restart is answered as fast as the tenth.
 */
@Configuration(proxyBeanMethods = false)
class PermitWarmUps {

  @Bean
  WarmUp permitWarmUp(PermitIntake intake, ObjectMapper json) {
    return new WarmUp(
        "permit",
        () -> {
          try (InputStream in =
              PermitWarmUps.class.getResourceAsStream("/permit/warm-up-application.json")) {
            intake.rehearse(json.readValue(in, PermitApplicationRequest.class));
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
  }
}
