package de.amtsflow.invoice;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/**
 * The payment order as a SEPA credit transfer initiation (ISO 20022 pain.001.001.09), the format
 * German municipal finance systems (and banks) import. One transaction per invoice; the debtor is
 * the municipality's account from configuration.
 */
final class PaymentOrderXml {

  private PaymentOrderXml() {}

  record Order(
      String messageId,
      Instant createdAt,
      String debtorName,
      String debtorIban,
      String creditorName,
      String creditorIban,
      BigDecimal amount,
      String currency,
      LocalDate executionDate,
      String endToEndId,
      String remittance) {}

  static String render(Order o) {
    String amount = o.amount().setScale(2, RoundingMode.HALF_UP).toPlainString();
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.001.001.09">
          <CstmrCdtTrfInitn>
            <GrpHdr>
              <MsgId>%s</MsgId>
              <CreDtTm>%s</CreDtTm>
              <NbOfTxs>1</NbOfTxs>
              <CtrlSum>%s</CtrlSum>
              <InitgPty><Nm>%s</Nm></InitgPty>
            </GrpHdr>
            <PmtInf>
              <PmtInfId>%s</PmtInfId>
              <PmtMtd>TRF</PmtMtd>
              <NbOfTxs>1</NbOfTxs>
              <CtrlSum>%s</CtrlSum>
              <PmtTpInf><SvcLvl><Cd>SEPA</Cd></SvcLvl></PmtTpInf>
              <ReqdExctnDt><Dt>%s</Dt></ReqdExctnDt>
              <Dbtr><Nm>%s</Nm></Dbtr>
              <DbtrAcct><Id><IBAN>%s</IBAN></Id></DbtrAcct>
              <DbtrAgt><FinInstnId><Othr><Id>NOTPROVIDED</Id></Othr></FinInstnId></DbtrAgt>
              <CdtTrfTxInf>
                <PmtId><EndToEndId>%s</EndToEndId></PmtId>
                <Amt><InstdAmt Ccy="%s">%s</InstdAmt></Amt>
                <Cdtr><Nm>%s</Nm></Cdtr>
                <CdtrAcct><Id><IBAN>%s</IBAN></Id></CdtrAcct>
                <RmtInf><Ustrd>%s</Ustrd></RmtInf>
              </CdtTrfTxInf>
            </PmtInf>
          </CstmrCdtTrfInitn>
        </Document>
        """
        .formatted(
            xml(o.messageId()),
            DateTimeFormatter.ISO_INSTANT.format(o.createdAt()),
            amount,
            xml(o.debtorName()),
            xml(o.messageId()),
            amount,
            o.executionDate(),
            xml(o.debtorName()),
            xml(o.debtorIban()),
            xml(o.endToEndId()),
            xml(o.currency()),
            amount,
            xml(o.creditorName()),
            xml(o.creditorIban()),
            xml(o.remittance()));
  }

  private static String xml(String text) {
    String value = text == null ? "" : text;
    return value
        .replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
