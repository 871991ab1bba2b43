package de.amtsflow.letters;

import de.amtsflow.config.WarmUp;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Renders one letter before the node reports ready ({@link de.amtsflow.config.WarmUps}): the first
 * rendering loads and subsets the fonts, parses the templates and starts openhtmltopdf and PDFBox
 * (seconds on a cold start), which the first letter after a restart would otherwise wait for. One
 * letter is enough: what is shared is warm after it, and the other templates cost milliseconds to
 * parse.
 */
@Component
class LettersWarmUp implements WarmUp {

  private final LetterRenderer renderer;

  LettersWarmUp(LetterRenderer renderer) {
    this.renderer = renderer;
  }

  @Override
  public String name() {
    return "letters";
  }

  @Override
  public void warmUp() {
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
  }
}
