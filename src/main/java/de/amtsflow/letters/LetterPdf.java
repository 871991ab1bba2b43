package de.amtsflow.letters;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * Renders a letter (notice, acknowledgement, Bescheid) as a simple PDF for the e-file, with PDFBox,
 * which the e-invoice library already brings along.
 */
public final class LetterPdf {

  private static final float MARGIN = 56;
  private static final float LEADING = 14;
  private static final int WRAP = 95;

  private LetterPdf() {}

  public static byte[] render(String title, List<String> paragraphs) {
    try (PDDocument pdf = new PDDocument();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
      PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
      PDPage page = new PDPage(PDRectangle.A4);
      pdf.addPage(page);
      PDPageContentStream text = new PDPageContentStream(pdf, page);
      float y = page.getMediaBox().getHeight() - MARGIN;
      text.beginText();
      text.setFont(bold, 14);
      text.newLineAtOffset(MARGIN, y);
      text.showText(latin1(title));
      text.setFont(regular, 10);
      text.setLeading(LEADING);
      text.newLine();
      for (String paragraph : paragraphs) {
        text.newLine();
        for (String line : wrap(paragraph)) {
          y -= LEADING;
          if (y < MARGIN * 2) {
            text.endText();
            text.close();
            page = new PDPage(PDRectangle.A4);
            pdf.addPage(page);
            text = new PDPageContentStream(pdf, page);
            y = page.getMediaBox().getHeight() - MARGIN;
            text.beginText();
            text.setFont(regular, 10);
            text.setLeading(LEADING);
            text.newLineAtOffset(MARGIN, y);
          }
          text.showText(latin1(line));
          text.newLine();
        }
      }
      text.endText();
      text.close();
      pdf.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> wrap(String paragraph) {
    List<String> lines = new ArrayList<>();
    String[] parts = paragraph.split("\\R");
    if (parts.length > 1) {
      for (String part : parts) {
        lines.addAll(wrap(part));
      }
      return lines;
    }
    StringBuilder line = new StringBuilder();
    for (String word : paragraph.split("\\s+")) {
      if (line.length() + word.length() + 1 > WRAP && !line.isEmpty()) {
        lines.add(line.toString());
        line.setLength(0);
      }
      if (!line.isEmpty()) {
        line.append(' ');
      }
      line.append(word);
    }
    lines.add(line.toString());
    return lines;
  }

  /** The characters beyond Latin-1 that WinAnsi (the standard fonts' encoding) has. */
  private static final String WIN_ANSI_EXTRA = "€‚„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ";

  // the standard fonts speak WinAnsi: keep umlauts, €, „“ and dashes; replace what they cannot show
  private static String latin1(String text) {
    StringBuilder safe = new StringBuilder();
    for (char c : text.toCharArray()) {
      boolean shown = (c >= 32 && c < 127) || (c >= 160 && c < 256) || c == '\t';
      safe.append(shown || WIN_ANSI_EXTRA.indexOf(c) >= 0 ? c : '?');
    }
    return safe.toString();
  }
}
