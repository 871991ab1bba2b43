package de.amtsflow.invoice;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What a clerk needs from an invoice, in EN 16931 terms (BT = business term). Fields the invoice
 * does not carry (or carries unreadably) are {@code null}; validity is {@link InvoiceValidator}'s
 * business, not this record's.
 */
public record InvoiceData(
    InvoiceSyntax syntax,
    String invoiceNumber,
    String typeCode,
    LocalDate issueDate,
    LocalDate dueDate,
    String currency,
    String buyerReference,
    LeitwegId.Check leitwegId,
    String orderReference,
    Party seller,
    Totals totals,
    String iban,
    PaymentTerms paymentTerms,
    List<Line> lines) {

  public InvoiceData {
    lines = List.copyOf(lines);
  }

  /**
   * The seller (BG-4): name BT-27, VAT identifier BT-31, e-mail for notices (BT-43 contact e-mail,
   * else BT-34 electronic address with scheme EM), postal address BG-5.
   */
  public record Party(String name, String vatId, String email, Address address) {}

  /** BT-35, BT-36, BT-162, BT-37 city, BT-38 post code, BT-39 subdivision, BT-40 country. */
  public record Address(
      String line1,
      String line2,
      String line3,
      String city,
      String postcode,
      String countrySubdivision,
      String countryCode) {}

  /**
   * @param net BT-109 total without VAT
   * @param tax BT-110 VAT total in the invoice currency
   * @param gross BT-112 total with VAT
   * @param amountDue BT-115 amount due for payment
   */
  public record Totals(BigDecimal net, BigDecimal tax, BigDecimal gross, BigDecimal amountDue) {}

  /** BT-20 as written, and the XRechnung Skonto lines found in it. */
  public record PaymentTerms(String text, List<Skonto> skonto) {
    public PaymentTerms {
      skonto = List.copyOf(skonto);
    }
  }

  /**
   * One XRechnung Skonto line, {@code #SKONTO#TAGE=7#PROZENT=2.00#} with an optional {@code
   * BASISBETRAG=…#}.
   *
   * @param baseAmount the amount the discount applies to; {@code null} means the amount due
   */
  public record Skonto(int days, BigDecimal percent, BigDecimal baseAmount) {}

  /**
   * An invoice line (BG-25): BT-126 id, BT-153 item name, BT-129 quantity with BT-130 unit, BT-146
   * net price, BT-131 net amount, BT-151 VAT category, BT-152 VAT rate.
   */
  public record Line(
      String id,
      String name,
      BigDecimal quantity,
      String unitCode,
      BigDecimal netPrice,
      BigDecimal netAmount,
      String vatCategory,
      BigDecimal vatRate) {}
}
