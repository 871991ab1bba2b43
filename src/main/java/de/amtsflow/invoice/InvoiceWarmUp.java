package de.amtsflow.invoice;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Compiles what the first invoice would otherwise wait for, in a background thread once the
 * application is ready (start-up does not wait for it): the rule sets of the release in force (~3
 * s, the XRechnung Schematron through SchXslt included) and the readable rendering's stylesheets
 * (~3 s). An invoice arriving meanwhile compiles what it needs itself.
 */
@Component
class InvoiceWarmUp {

  private static final Logger log = LoggerFactory.getLogger(InvoiceWarmUp.class);

  private final InvoiceValidator validator;
  private final InvoiceRendering rendering;

  InvoiceWarmUp(InvoiceValidator validator, InvoiceRendering rendering) {
    this.validator = validator;
    this.rendering = rendering;
  }

  @EventListener(ApplicationReadyEvent.class)
  void warmUpInTheBackground() {
    Thread thread = new Thread(this::warmUp, "invoice-warm-up");
    thread.setDaemon(true);
    thread.setPriority(Thread.MIN_PRIORITY);
    thread.start();
  }

  void warmUp() {
    long started = System.nanoTime();
    try {
      validator.warmUp();
      log.info("invoice rule sets ready in {} ms", (System.nanoTime() - started) / 1_000_000);
    } catch (RuntimeException e) {
      // the first invoice compiles them then, and fails as loudly as this
      log.warn("invoice rule set warm-up failed", e);
    }
    rendering.warmUp();
  }
}
