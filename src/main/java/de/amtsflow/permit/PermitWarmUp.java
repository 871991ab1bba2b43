package de.amtsflow.permit;

import com.fasterxml.jackson.databind.ObjectMapper;
import de.amtsflow.config.WarmUp;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.springframework.stereotype.Component;

/**
 * Rehearses a Bauantrag's submit after start-up, before readiness ({@link PermitIntake#rehearse}):
 * the first citizen after a restart is answered as fast as the tenth.
 */
@Component
class PermitWarmUp implements WarmUp {

  private final PermitIntake intake;
  private final ObjectMapper json;

  PermitWarmUp(PermitIntake intake, ObjectMapper json) {
    this.intake = intake;
    this.json = json;
  }

  @Override
  public String name() {
    return "permit";
  }

  @Override
  public void warmUp() {
    try (InputStream in =
        PermitWarmUp.class.getResourceAsStream("/permit/warm-up-application.json")) {
      intake.rehearse(json.readValue(in, PermitApplicationRequest.class));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
