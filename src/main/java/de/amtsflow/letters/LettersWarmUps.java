package de.amtsflow.letters;

import de.amtsflow.config.WarmUp;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Renders one letter before the node reports ready ({@link de.amtsflow.config.WarmUps}): the first
 * rendering loads and subsets the fonts, parses the templates and starts openhtmltopdf and PDFBox
 * (seconds on a cold start), which the first letter after a restart would otherwise wait for. One
 * letter is enough: what is shared is warm after it, and the other templates cost milliseconds to
 * parse.
 */
@Configuration(proxyBeanMethods = false)
class LettersWarmUps {

  @Bean
  WarmUp lettersWarmUp(LetterRenderer renderer) {
    return new WarmUp(
        "letters",
        () ->
            renderer.render(
                new Letter(
                    "brief",
                    "Probe",
                    Letter.Recipient.named("Probe"),
                    "-",
                    java.time.LocalDate.now(),
                    null,
                    List.of("Äöü ß € „Anführung“ – Ende"),
                    null)));
  }
}
