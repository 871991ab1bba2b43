package de.amtsflow.invoice;

import de.amtsflow.config.WarmUp;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Compiles what the first invoice would otherwise wait for: the rule sets of the release in force
 * (the XRechnung Schematron through SchXslt included) and the XML schemas; then rehearses an intake
 * that is rolled back ({@link InvoiceIntake#rehearse}). The readable rendering's stylesheets and
 * fonts warm up beside it ({@link Rendering}). {@link de.amtsflow.config.WarmUps} runs it after
 * start-up, before readiness.
 */
@Component
class InvoiceWarmUp implements WarmUp {

  private static final Logger log = LoggerFactory.getLogger(InvoiceWarmUp.class);

  private final InvoiceValidator validator;
  private final InvoiceIntake intake;

  InvoiceWarmUp(InvoiceValidator validator, InvoiceIntake intake) {
    this.validator = validator;
    this.intake = intake;
  }

  @Override
  public String name() {
    return "invoice";
  }

  @Override
  public void warmUp() {
    long started = System.nanoTime();
    try {
      validator.warmUp();
      log.info("invoice rule sets ready in {} ms", (System.nanoTime() - started) / 1_000_000);
    } catch (RuntimeException e) {
      // the first invoice compiles them then, and fails as loudly as this
      log.warn("invoice rule set warm-up failed", e);
      return;
    }
    try (InputStream in = InvoiceWarmUp.class.getResourceAsStream("/invoice/warm-up-invoice.xml")) {
      intake.rehearse(in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The readable rendering's stylesheets and FOP, beside the rule sets. */
  @Component
  static class Rendering implements WarmUp {

    private final InvoiceRendering rendering;

    Rendering(InvoiceRendering rendering) {
      this.rendering = rendering;
    }

    @Override
    public String name() {
      return "invoice-rendering";
    }

    @Override
    public void warmUp() {
      rendering.warmUp();
    }
  }
}
