package de.amtsflow.invoice;

import de.amtsflow.letters.GermanFormats;
import de.amtsflow.letters.Letter;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Why an invoice is rejected, told to its supplier: as the letter filed in the e-file (template
 * {@code rechnungsablehnung}, DIN 5008, PDF/A) and as the mail that carries the same facts.
 *
 * @param recipient the seller (BT-27) at its postal address (BG-5), as far as the invoice names it
 * @param fileNumber our Aktenzeichen
 * @param invoiceNumber the supplier's invoice number (BT-1), null if the invoice has none
 * @param invoiceDate its date (BT-2), or null
 * @param amount the gross amount as German letters write it, e.g. "1.234,56 €", or null
 * @param receivedOn the day the invoice reached us
 * @param violations the failed rules of the e-invoice check (empty when a clerk rejected it)
 * @param reason the clerk's reason (null when the check failed)
 */
record SupplierRejection(
    Letter.Recipient recipient,
    String fileNumber,
    String invoiceNumber,
    LocalDate invoiceDate,
    String amount,
    LocalDate receivedOn,
    List<InvoiceReceipt.Message> violations,
    String reason) {

  static final String TEMPLATE = "rechnungsablehnung";

  SupplierRejection {
    violations = List.copyOf(violations);
  }

  /**
   * @param seller the seller as extracted from the original, or null if it could not be read again
   * @param violations the stored verdict's errors (read for an invalid invoice only)
   */
  static SupplierRejection of(
      InvoiceEntity invoice,
      InvoiceData.Party seller,
      List<InvoiceReceipt.Message> violations,
      String reason,
      LocalDate receivedOn) {
    return new SupplierRejection(
        recipient(invoice.sellerName, seller),
        invoice.fileNumber,
        blankToNull(invoice.invoiceNumber),
        invoice.issueDate,
        amount(invoice.grossAmount, invoice.currency),
        receivedOn,
        invoice.valid
            ? List.of()
            : violations.stream()
                // stored before explanations were, or by another rule set: explain it now
                .map(
                    m ->
                        m.explanation() == null
                            ? new InvoiceReceipt.Message(
                                m.rule(), m.message(), RuleExplanations.explain(m.rule()))
                            : m)
                .distinct()
                .toList(),
        invoice.valid
            ? (reason == null || reason.isBlank() ? "ohne Angabe" : reason.strip())
            : null);
  }

  /** The letter to file, sent by {@code office} of the authority on the letterhead. */
  Letter letter(LocalDate today, InvoiceProperties.Office office) {
    Map<String, Object> data = new HashMap<>();
    data.put("invoiceNumber", invoiceNumber);
    data.put("invoiceDate", invoiceDate == null ? null : GermanFormats.date(invoiceDate));
    data.put("amount", amount);
    data.put("receivedOn", GermanFormats.date(receivedOn));
    data.put("violations", violations);
    data.put("reason", reason);
    data.put("salutation", "Sehr geehrte Damen und Herren,");
    data.put("department", office.name());
    data.put("contactEmail", office.email());
    data.put("yourReference", invoiceNumber);
    data.put("yourDate", data.get("invoiceDate"));
    return new Letter(
        TEMPLATE,
        invoiceNumber == null
            ? "Ablehnung Ihrer Rechnung"
            : "Ablehnung Ihrer Rechnung Nr. " + invoiceNumber,
        recipient,
        fileNumber,
        today,
        null,
        List.of(),
        data);
  }

  String mailSubject() {
    return "Ihre Rechnung "
        + (invoiceNumber == null ? "" : invoiceNumber + " ")
        + "wurde abgelehnt ("
        + fileNumber
        + ")";
  }

  /** The mail: the letter's facts in plain text (the letter itself stays in our e-file). */
  String mailText(String authority, InvoiceProperties.Office office) {
    List<String> text = new ArrayList<>();
    text.add("Sehr geehrte Damen und Herren,");
    text.add(
        "Ihre Rechnung"
            + (invoiceNumber == null ? "" : " Nr. " + invoiceNumber)
            + (invoiceDate == null ? "" : " vom " + GermanFormats.date(invoiceDate))
            + (amount == null ? "" : " über " + amount)
            + ", bei uns eingegangen am "
            + GermanFormats.date(receivedOn)
            + " (unser Aktenzeichen "
            + fileNumber
            + "), haben wir abgelehnt. Wir bezahlen sie nicht.");
    if (reason == null) {
      text.add(
          "Die Rechnung erfüllt folgende Regeln der E-Rechnung (EN 16931 / XRechnung) nicht:\n"
              + String.join(
                  "\n",
                  violations.stream()
                      .map(
                          v ->
                              "- "
                                  + v.explanation()
                                  + " (Regel "
                                  + v.rule()
                                  + ": "
                                  + v.message()
                                  + ")")
                      .toList()));
      text.add("Bitte senden Sie uns die Rechnung berichtigt als neue E-Rechnung.");
    } else {
      text.add("Grund: " + reason);
      text.add(
          "Lässt sich der Grund durch eine berichtigte Rechnung beheben, senden Sie uns bitte eine"
              + " korrigierte Rechnung als neue E-Rechnung.");
    }
    text.add(
        "Eine Gutschrift oder Stornorechnung ist nicht nötig: wir haben die Rechnung weder zur"
            + " Zahlung angeordnet noch bezahlt. Trägt die korrigierte Rechnung dieselbe"
            + " Rechnungsnummer und denselben Betrag, kennzeichnen Sie sie beim Hochladen als"
            + " „Korrigierte Rechnung“ (Schnittstelle: Kopfzeile X-Resubmission: true).");
    text.add(
        "Mit freundlichen Grüßen\n"
            + office.name()
            + (authority == null || authority.isBlank() ? "" : "\n" + authority)
            + (office.email() == null ? "" : "\n" + office.email()));
    return String.join("\n\n", text);
  }

  /** The address field: the seller's name and postal address (DIN 5008: a foreign country last). */
  static Letter.Recipient recipient(String sellerName, InvoiceData.Party seller) {
    String name =
        seller != null && seller.name() != null && !seller.name().isBlank()
            ? seller.name().strip()
            : sellerName == null || sellerName.isBlank() ? "Rechnungssteller" : sellerName.strip();
    InvoiceData.Address address = seller == null ? null : seller.address();
    if (address == null) {
      return Letter.Recipient.named(name);
    }
    String street = blankToNull(address.line1());
    if (street == null) {
      street = blankToNull(address.line2());
    }
    String country = blankToNull(address.countryCode());
    return new Letter.Recipient(
        name,
        street,
        blankToNull(address.postcode()),
        blankToNull(address.city()),
        country == null || country.equalsIgnoreCase("DE")
            ? null
            : new Locale("", country.toUpperCase(Locale.ROOT))
                .getDisplayCountry(Locale.GERMANY)
                .toUpperCase(Locale.GERMANY));
  }

  /** "1.234,56 €" for euros, "1.234,56 CHF" otherwise. */
  static String amount(BigDecimal gross, String currency) {
    if (gross == null) {
      return null;
    }
    String unit = currency == null || currency.equals("EUR") ? "€" : currency;
    return GermanFormats.amount(gross) + " " + unit;
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }
}
