package de.amtsflow.invoice;

import de.amtsflow.efile.EFileType;
import de.amtsflow.efile.EFileVocabulary;
import java.util.Map;
import org.springframework.stereotype.Component;

/** What an invoice's e-file holds, in German, next to the code that files it. */
@Component
class InvoiceEFileVocabulary implements EFileVocabulary {

  @Override
  public EFileType type() {
    return EFileType.INVOICE;
  }

  @Override
  public Map<String, String> documentKinds() {
    return Map.of(
        InvoiceIntake.KIND_ORIGINAL, "Originalrechnung",
        InvoiceIntake.KIND_REPORT, "Prüfbericht",
        InvoiceRendering.KIND, InvoiceRendering.TITLE,
        IssuePaymentOrderDelegate.KIND_ORDER, "Zahlungsanordnung",
        NotifySupplierDelegate.KIND_NOTICE, "Ablehnungsmitteilung");
  }

  @Override
  public Map<String, String> actors() {
    return Map.of(InvoiceIntake.ACTOR, "Rechnungseingang (automatisch)");
  }

  @Override
  public Map<String, String> notes() {
    return Map.of(
        "RESUBMISSION",
        "Als korrigierte Rechnung eingereicht",
        "RECEIVED_BY_MAIL",
        "Per E-Mail eingegangen",
        "ESCALATED_SKONTO",
        "Skontofrist eskaliert",
        "ESCALATED_PAYMENT_DUE",
        "Zahlungsziel eskaliert",
        InvoiceRendering.NOTE_FAILED,
        "Lesbare Fassung konnte nicht erstellt werden",
        "NOTICE_MAILED",
        "Ablehnung per E-Mail verschickt",
        "NOTICE_NOT_MAILED",
        "Ablehnung nicht per E-Mail verschickt – per Post senden");
  }
}
