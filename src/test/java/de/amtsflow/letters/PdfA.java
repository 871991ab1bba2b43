package de.amtsflow.letters;

import java.io.ByteArrayInputStream;
import java.util.List;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;

/** veraPDF, the PDF Association's reference validator, on a PDF that claims PDF/A-2b. */
public final class PdfA {

  static {
    VeraGreenfieldFoundryProvider.initialise();
  }

  private PdfA() {}

  /** The verdict: the flavour the file declares and every failed rule ("6.2.11.4.1: ..."). */
  public record Verdict(PDFAFlavour declared, boolean compliant, List<String> failures) {}

  public static Verdict validate(byte[] pdf) {
    try (PDFAParser parser =
        Foundries.defaultInstance().createParser(new ByteArrayInputStream(pdf))) {
      PDFAFlavour declared = parser.getFlavour();
      PDFAValidator validator =
          Foundries.defaultInstance().createValidator(PDFAFlavour.PDFA_2_B, false);
      ValidationResult result = validator.validate(parser);
      List<String> failures =
          result.getTestAssertions().stream()
              .filter(a -> a.getStatus() == TestAssertion.Status.FAILED)
              .map(
                  a ->
                      a.getRuleId().getClause()
                          + "-"
                          + a.getRuleId().getTestNumber()
                          + ": "
                          + a.getMessage())
              .distinct()
              .toList();
      return new Verdict(declared, result.isCompliant(), failures);
    } catch (Exception e) {
      throw new IllegalStateException("veraPDF could not read the PDF", e);
    }
  }
}
