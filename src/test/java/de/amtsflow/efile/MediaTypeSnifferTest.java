package de.amtsflow.efile;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class MediaTypeSnifferTest {

  private static final String UBL =
      "<ubl:Invoice xmlns:ubl=\"urn:oasis:names:specification:ubl:schema:xsd:Invoice-2\">"
          + "<cbc:ID xmlns:cbc=\"urn:x\">Ä-1</cbc:ID></ubl:Invoice>";

  private final MediaTypeSniffer sniffer = new MediaTypeSniffer();

  private static byte[] bom(int... marks) {
    byte[] b = new byte[marks.length];
    for (int i = 0; i < marks.length; i++) {
      b[i] = (byte) marks[i];
    }
    return b;
  }

  private static byte[] concat(byte[] a, String text, Charset charset) {
    byte[] t = text.getBytes(charset);
    byte[] r = Arrays.copyOf(a, a.length + t.length);
    System.arraycopy(t, 0, r, a.length, t.length);
    return r;
  }

  @Test
  void xmlWithoutDeclarationIsXml() {
    assertThat(sniffer.sniff(UBL.getBytes(StandardCharsets.UTF_8))).isEqualTo("application/xml");
    assertThat(sniffer.sniff(("\n  <!-- Rechnung -->\n" + UBL).getBytes(StandardCharsets.UTF_8)))
        .isEqualTo("application/xml");
  }

  @Test
  void byteOrderMarksAreRead() {
    assertThat(sniffer.sniff(concat(bom(0xEF, 0xBB, 0xBF), UBL, StandardCharsets.UTF_8)))
        .isEqualTo("application/xml");
    assertThat(sniffer.sniff(concat(bom(0xFF, 0xFE), UBL, StandardCharsets.UTF_16LE)))
        .isEqualTo("application/xml");
    assertThat(sniffer.sniff(concat(bom(0xFE, 0xFF), UBL, StandardCharsets.UTF_16BE)))
        .isEqualTo("application/xml");
    String declared = "<?xml version=\"1.0\" encoding=\"UTF-16\"?>" + UBL;
    assertThat(sniffer.sniff(concat(bom(0xFF, 0xFE), declared, StandardCharsets.UTF_16LE)))
        .isEqualTo("application/xml");
    assertThat(sniffer.sniff(concat(bom(0xFE, 0xFF), declared, StandardCharsets.UTF_16BE)))
        .isEqualTo("application/xml");
  }

  @Test
  void aHeadCutInsideACharacterIsStillXml() {
    byte[] full = (UBL.replace("Ä-1", "Ä".repeat(5000))).getBytes(StandardCharsets.UTF_8);
    assertThat(sniffer.sniff(Arrays.copyOf(full, 8191))).isEqualTo("application/xml");
  }

  @Test
  void whatIsNoXmlStaysWhatItIs() {
    assertThat(sniffer.sniff("kein xml".getBytes(StandardCharsets.UTF_8))).isEqualTo("text/plain");
    assertThat(sniffer.sniff("< kein Element".getBytes(StandardCharsets.UTF_8)))
        .isEqualTo("text/plain");
    assertThat(sniffer.sniff("<html><body><script>x</script>".getBytes(StandardCharsets.UTF_8)))
        .isEqualTo("text/html");
    // the root element still decides: an SVG without declaration is SVG, not plain XML
    assertThat(
            sniffer.sniff(
                "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>x</script></svg>"
                    .getBytes(StandardCharsets.UTF_8)))
        .isEqualTo("image/svg+xml");
    assertThat(sniffer.sniff("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII)))
        .isEqualTo("application/pdf");
  }
}
