package de.amtsflow.invoice;

import java.io.StringWriter;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/** Writes the archivable report: input fingerprint, scenario, steps, every finding, verdict. */
final class ValidationReport {

  static final String NAMESPACE = "urn:amtsflow:invoice:validation-report:1";

  private static final XMLOutputFactory OUTPUT = XMLOutputFactory.newFactory();

  record Step(String name, String resource, boolean skipped, List<Finding> findings) {}

  private ValidationReport() {}

  static String write(
      byte[] content,
      ParsedInvoice invoice,
      RuleSetRelease release,
      Scenario scenario,
      List<Step> steps,
      boolean valid) {
    StringWriter out = new StringWriter(1024);
    try {
      XMLStreamWriter w = OUTPUT.createXMLStreamWriter(out);
      w.writeStartDocument("UTF-8", "1.0");
      w.writeStartElement("validationReport");
      w.writeDefaultNamespace(NAMESPACE);
      w.writeAttribute("valid", Boolean.toString(valid));
      w.writeAttribute("validator", "amtsflow (KoSIT scenarios and rule sets as data)");

      w.writeEmptyElement("ruleSetRelease");
      w.writeAttribute("id", release.id());
      w.writeAttribute("name", release.name());
      w.writeAttribute("validFrom", release.validFrom().toString());
      if (release.validUntil() != null) {
        w.writeAttribute("validUntil", release.validUntil().toString());
      }

      w.writeEmptyElement("input");
      w.writeAttribute("sha256", sha256(content));
      w.writeAttribute("bytes", Integer.toString(content.length));
      if (invoice != null) {
        w.writeAttribute("syntax", invoice.syntax().name());
        if (invoice.customizationId() != null) {
          w.writeAttribute("customizationId", invoice.customizationId());
        }
        if (invoice.embeddedFileName() != null) {
          w.writeAttribute("embeddedFile", invoice.embeddedFileName());
        }
      }
      w.writeEmptyElement("scenario");
      w.writeAttribute("name", scenario == null ? "none" : scenario.name());

      for (Step step : steps) {
        w.writeStartElement("step");
        w.writeAttribute("name", step.name());
        w.writeAttribute("resource", step.resource());
        w.writeAttribute("skipped", Boolean.toString(step.skipped()));
        for (Finding f : step.findings()) {
          w.writeStartElement("finding");
          w.writeAttribute("level", f.level().name().toLowerCase(Locale.ROOT));
          if (f.rule() != null) {
            w.writeAttribute("rule", f.rule());
          }
          if (f.flag() != null) {
            w.writeAttribute("flag", f.flag());
          }
          if (f.location() != null) {
            w.writeAttribute("location", f.location());
          }
          w.writeCharacters(f.message());
          w.writeEndElement();
        }
        w.writeEndElement();
      }
      w.writeEmptyElement("assessment");
      w.writeAttribute("accept", Boolean.toString(valid));
      w.writeEndElement();
      w.writeEndDocument();
      w.close();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("Validation report cannot be written", e);
    }
    return out.toString();
  }

  private static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
