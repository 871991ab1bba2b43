package de.amtsflow.letters;

import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.PDFTextStripperByArea;

/** The text of a rendered letter, whole or from the fields DIN 5008 places on its first page. */
public final class LetterText {

  private static final float POINTS_PER_MM = 72f / 25.4f;

  private LetterText() {}

  /** All text in reading order (line by line on the page), whitespace collapsed. */
  public static String of(byte[] pdf) {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      PDFTextStripper stripper = new PDFTextStripper();
      stripper.setSortByPosition(true);
      return stripper.getText(document).replaceAll("\\s+", " ");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The address field of form B: 20 mm from the left, 45 mm from the top, 85 × 45 mm (return
   * address and addressee), what an envelope's window shows.
   */
  public static String addressField(byte[] pdf) {
    return area(pdf, 20, 45, 85, 45);
  }

  /** The information block beside the address field (reference, date, contact). */
  public static String infoBlock(byte[] pdf) {
    return area(pdf, 106, 45, 84, 50);
  }

  private static String area(byte[] pdf, float left, float top, float width, float height) {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      PDFTextStripperByArea stripper = new PDFTextStripperByArea();
      stripper.setSortByPosition(true);
      stripper.addRegion(
          "area",
          new Rectangle2D.Float(
              left * POINTS_PER_MM,
              top * POINTS_PER_MM,
              width * POINTS_PER_MM,
              height * POINTS_PER_MM));
      stripper.extractRegions(document.getPage(0));
      return stripper.getTextForRegion("area").replaceAll("\\s+", " ").strip();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
