package de.amtsflow.invoice;

import de.amtsflow.config.WarmUp;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What the first invoice after a restart would otherwise wait for, warmed up before readiness
 * ({@link de.amtsflow.config.WarmUps}), in two threads: the rule sets of the release in force (the
 * XRechnung Schematron through SchXslt included) and the XML schemas, then a rehearsed intake that
 * is rolled back ({@link InvoiceIntake#rehearse}); beside it the readable rendering's stylesheets
 * and fonts. No request waits for a rendering (an async job files it), but a rendering compiling
 * after readiness took a core from the first requests (bench: first invoice 805 ms, tenth 223).
 */
@Configuration(proxyBeanMethods = false)
class InvoiceWarmUps {

  private static final Logger log = LoggerFactory.getLogger(InvoiceWarmUps.class);

  @Bean
  WarmUp invoiceWarmUp(InvoiceValidator validator, InvoiceIntake intake) {
    return new WarmUp(
        "invoice",
        () -> {
          long started = System.nanoTime();
          validator.warmUp();
          log.info("invoice rule sets ready in {} ms", (System.nanoTime() - started) / 1_000_000);
          try (InputStream in =
              InvoiceWarmUps.class.getResourceAsStream("/invoice/warm-up-invoice.xml")) {
            intake.rehearse(in.readAllBytes());
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
  }

  @Bean
  WarmUp invoiceRenderingWarmUp(InvoiceRendering rendering) {
    return new WarmUp("invoice-rendering", rendering::warmUp);
  }
}
