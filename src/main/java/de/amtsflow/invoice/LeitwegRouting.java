package de.amtsflow.invoice;

import de.amtsflow.tenant.Tenants;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Decides whether an invoice can be routed by its Leitweg-ID (BT-10) or needs a clerk to assign it
 * ("Zuordnung klären"). Routing never touches validity: a valid invoice with a broken or unknown
 * Leitweg-ID stays valid and only carries a warning.
 */
@Component
public class LeitwegRouting {

  /** The routing outcome; {@link Outcome#ROUTED} needs no clerk. */
  public enum Outcome {
    ROUTED,
    MISSING,
    MALFORMED,
    CHECK_DIGITS_FAILED,
    UNKNOWN
  }

  /**
   * @param warning what is wrong with the Leitweg-ID, for the clerk's task; empty when routed
   */
  public record Decision(String leitwegId, Outcome outcome, Optional<String> warning) {
    public boolean needsClarification() {
      return outcome != Outcome.ROUTED;
    }

    /** The warning as the supplier reads it: what happens now, without our task names. */
    public Optional<String> supplierNotice() {
      return warning.map(
          w ->
              w
                  + ". Wir ordnen die Rechnung von Hand der zuständigen Stelle zu; das kann die"
                  + " Bearbeitung verzögern. Bitte geben Sie die Leitweg-ID aus dem Auftrag an.");
    }
  }

  private final Set<String> known;

  /** Every tenant's Leitweg-IDs ({@code amtsflow.invoice.leitweg-ids} are the default's). */
  @org.springframework.beans.factory.annotation.Autowired
  public LeitwegRouting(Tenants tenants) {
    this(tenants.leitwegIds());
  }

  public LeitwegRouting(InvoiceProperties properties) {
    this(properties.leitwegIds());
  }

  private LeitwegRouting(java.util.Collection<String> leitwegIds) {
    this.known =
        leitwegIds.stream()
            .map(id -> id.strip().toUpperCase(Locale.ROOT))
            .collect(Collectors.toUnmodifiableSet());
  }

  public Decision decide(InvoiceData invoice) {
    return decide(invoice.buyerReference());
  }

  public Decision decide(String buyerReference) {
    LeitwegId.Check check = LeitwegId.validate(buyerReference);
    return switch (check.status()) {
      case MISSING -> clarify(check, Outcome.MISSING, "Keine Leitweg-ID (BT-10) angegeben");
      case MALFORMED ->
          clarify(
              check, Outcome.MALFORMED, "Leitweg-ID '" + check.value() + "' ist nicht wohlgeformt");
      case CHECK_DIGITS_FAILED ->
          clarify(
              check,
              Outcome.CHECK_DIGITS_FAILED,
              "Prüfziffer der Leitweg-ID '" + check.value() + "' stimmt nicht");
      case VALID ->
          known.contains(check.value().toUpperCase(Locale.ROOT))
              ? new Decision(check.value(), Outcome.ROUTED, Optional.empty())
              : clarify(
                  check,
                  Outcome.UNKNOWN,
                  "Leitweg-ID '"
                      + check.value()
                      + "' gehört zu keiner Verwaltung dieser Plattform");
    };
  }

  private static Decision clarify(LeitwegId.Check check, Outcome outcome, String warning) {
    return new Decision(check.value(), outcome, Optional.of(warning));
  }
}
