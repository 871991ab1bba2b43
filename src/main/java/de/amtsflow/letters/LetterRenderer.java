package de.amtsflow.letters;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.AbstractConfigurableTemplateResolver;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import org.thymeleaf.templateresolver.FileTemplateResolver;

/**
 * Renders letters from HTML templates (Thymeleaf) to PDF/A-2b (openhtmltopdf): fonts embedded, an
 * sRGB output intent, XMP metadata, as an e-file that is kept for 30 years needs. The templates are
 * {@code classpath:letters/<name>.html}; a file of the same name in {@code
 * amtsflow.letters.template-dir} takes precedence, so a process owner changes a letter's wording
 * without Java and without a rebuild. Each template gets {@code letter} ({@link Letter}), {@code
 * head} ({@link Letterhead}), {@code date} (the letter's date in German), and the letter's {@code
 * data} entries by name.
 */
@Component
public class LetterRenderer {

  /** Source Sans Pro (SIL Open Font License), which the e-invoice library ships. */
  private static final String FONT_REGULAR = "fonts/SourceSansPro-Regular.ttf";

  private static final String FONT_BOLD = "fonts/SourceSansPro-Bold.ttf";
  private static final String FONT_ITALIC = "fonts/SourceSansPro-It.ttf";
  static final String FONT_FAMILY = "Source Sans Pro";

  private static final byte[] SRGB = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();

  static {
    com.openhtmltopdf.util.XRLog.setLoggerImpl(new Slf4jXRLogger());
  }

  private static final com.fasterxml.jackson.databind.ObjectMapper PLAIN =
      new com.fasterxml.jackson.databind.ObjectMapper();

  private final TemplateEngine templates;
  private final Letterhead letterhead;

  public LetterRenderer(LettersProperties properties) {
    this.letterhead = properties.letterhead();
    this.templates = new TemplateEngine();
    int order = 1;
    if (properties.templateDir() != null) {
      FileTemplateResolver files = new FileTemplateResolver();
      configure(files, Path.of(properties.templateDir()).toAbsolutePath() + "/", order++);
      files.setCheckExistence(true);
      files.setCacheable(false); // an edited template shows in the next letter
      templates.addTemplateResolver(files);
    }
    ClassLoaderTemplateResolver builtIn = new ClassLoaderTemplateResolver();
    configure(builtIn, "letters/", order);
    templates.addTemplateResolver(builtIn);
  }

  private static void configure(
      AbstractConfigurableTemplateResolver resolver, String prefix, int order) {
    resolver.setPrefix(prefix);
    resolver.setSuffix(".html");
    resolver.setTemplateMode(TemplateMode.HTML);
    resolver.setCharacterEncoding(StandardCharsets.UTF_8.name());
    resolver.setOrder(order);
  }

  /** The letter as the template makes it: XHTML, before it becomes a PDF. */
  public String html(Letter letter) {
    return html(letter, letterhead);
  }

  /**
   * The letter under another authority's letterhead: on an installation shared by several
   * authorities, each writes as itself.
   */
  public String html(Letter letter, Letterhead letterhead) {
    // maps, not records: a template reads letter.title, item.reason, as a process owner expects
    Map<String, Object> values = new HashMap<>();
    letter.data().forEach((k, v) -> values.put(k, PLAIN.convertValue(v, Object.class)));
    Map<String, Object> about = new HashMap<>();
    about.put("title", letter.title());
    about.put("reference", letter.reference());
    about.put("clerk", letter.clerk());
    about.put("paragraphs", letter.paragraphs());
    about.put("recipient", PLAIN.convertValue(letter.recipient(), Map.class));
    values.put("letter", about);
    Map<String, Object> head = new HashMap<>(PLAIN.convertValue(letterhead, Map.class));
    head.put("returnAddress", letterhead.returnAddress());
    values.put("head", head);
    values.put("date", letter.date() == null ? "" : GermanFormats.date(letter.date()));
    return templates.process(letter.template(), new Context(java.util.Locale.GERMANY, values));
  }

  /** The letter as PDF/A-2b. */
  public byte[] render(Letter letter) {
    return pdf(html(letter));
  }

  /** The letter as PDF/A-2b, under the sending authority's letterhead. */
  public byte[] render(Letter letter, Letterhead letterhead) {
    return pdf(html(letter, letterhead));
  }

  static byte[] pdf(String xhtml) {
    try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      PdfRendererBuilder builder = new PdfRendererBuilder();
      builder.useFastMode();
      builder.usePdfAConformance(PdfRendererBuilder.PdfAConformance.PDFA_2_B);
      builder.useColorProfile(SRGB);
      builder.useFont(() -> font(FONT_REGULAR), FONT_FAMILY, 400, FontStyle.NORMAL, true);
      builder.useFont(() -> font(FONT_BOLD), FONT_FAMILY, 700, FontStyle.NORMAL, true);
      builder.useFont(() -> font(FONT_ITALIC), FONT_FAMILY, 400, FontStyle.ITALIC, true);
      builder.withHtmlContent(xhtml, null);
      builder.toStream(out);
      builder.run();
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static final Map<String, byte[]> FONTS = new java.util.concurrent.ConcurrentHashMap<>();

  private static InputStream font(String resource) {
    return new java.io.ByteArrayInputStream(FONTS.computeIfAbsent(resource, LetterRenderer::load));
  }

  /**
   * The font without its GSUB table: PDFBox would otherwise set "ft", "fi" as ligature glyphs that
   * have no Unicode mapping, and the PDF's text (search, copy, screen readers) would lose them.
   */
  private static byte[] load(String resource) {
    try (InputStream in = LetterRenderer.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("font " + resource + " not on the classpath");
      }
      org.apache.fontbox.ttf.TrueTypeFont ttf =
          new org.apache.fontbox.ttf.TTFParser()
              .parse(new org.apache.pdfbox.io.RandomAccessReadBuffer(in.readAllBytes()));
      try (ttf) {
        org.apache.fontbox.ttf.TTFSubsetter all =
            new org.apache.fontbox.ttf.TTFSubsetter(
                ttf,
                java.util.List.of(
                    "head", "hhea", "loca", "maxp", "cvt ", "prep", "glyf", "hmtx", "fpgm", "gasp",
                    "OS/2", "name", "post", "cmap"));
        org.apache.fontbox.ttf.CmapLookup cmap = ttf.getUnicodeCmapLookup();
        for (int codePoint = 0x20; codePoint <= 0xFFFF; codePoint++) {
          if (cmap.getGlyphId(codePoint) != 0) {
            all.add(codePoint);
          }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        all.writeToStream(out);
        return out.toByteArray();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
