package de.amtsflow.letters;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Renders one letter before the node reports ready: the first rendering loads and subsets the
 * fonts, parses the templates and starts openhtmltopdf and PDFBox (seconds on a cold start), which
 * the first Bauantrag after a restart (its application record is rendered in the request) would
 * otherwise wait for. Readiness ({@code /actuator/health/readiness}) turns up only after ready
 * listeners. One letter is enough: what is shared is warm after it, and the other templates cost
 * milliseconds to parse.
 */
@Component
class LettersWarmUp {

  private final LetterRenderer renderer;

  LettersWarmUp(LetterRenderer renderer) {
    this.renderer = renderer;
  }

  private static final Logger log = LoggerFactory.getLogger(LettersWarmUp.class);

  @EventListener(ApplicationReadyEvent.class)
  void renderOneLetter() {
    long started = System.nanoTime();
    renderer.render(
        new Letter(
            "brief",
            "Probe",
            Letter.Recipient.named("Probe"),
            "-",
            java.time.LocalDate.now(),
            null,
            List.of("Äöü ß € „Anführung“ – Ende"),
            null));
    log.info("letters ready in {} ms", (System.nanoTime() - started) / 1_000_000);
  }
}
