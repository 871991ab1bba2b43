package de.amtsflow.efile;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.apache.tika.Tika;
import org.springframework.stereotype.Component;

/**
 * Decides a document's media type from its leading bytes (Tika's magic detection), never from the
 * client's Content-Type or file extension: an {@code .exe} renamed to {@code .pdf} stays an exe.
 *
 * <p>Tika recognises XML by its declaration ({@code <?xml}); XML may omit it (UTF-8 or UTF-16 with
 * a byte order mark), and Tika then answers text/plain or application/octet-stream. For those
 * answers the head is read as XML up to its root element; if that succeeds, Tika is asked again
 * with the declaration the document left out, so its root-element table still tells e.g. SVG from
 * plain XML.
 */
@Component
class MediaTypeSniffer {

  private static final Set<String> FALLBACKS = Set.of("text/plain", "application/octet-stream");
  private static final String DECLARATION = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>";

  private final Tika tika = new Tika();
  private final XMLInputFactory stax = XMLInputFactory.newFactory();

  MediaTypeSniffer() {
    stax.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    stax.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
  }

  String sniff(byte[] head) {
    String type = detect(head);
    if (!FALLBACKS.contains(type)) {
      return type;
    }
    String text = undeclaredXml(head);
    return text == null ? type : detect((DECLARATION + text).getBytes(StandardCharsets.UTF_8));
  }

  private String detect(byte[] head) {
    try {
      return tika.detect(new ByteArrayInputStream(head));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The head as text if it is XML without a declaration whose root element starts within it, else
   * {@code null}. Without a declaration XML is UTF-8 or UTF-16 with a byte order mark (XML 1.0,
   * 4.3.3); the head may end inside a character, hence the lenient decoding.
   */
  private String undeclaredXml(byte[] head) {
    Charset charset = StandardCharsets.UTF_8;
    int skip = 0;
    if (head.length >= 3
        && (head[0] & 0xFF) == 0xEF
        && (head[1] & 0xFF) == 0xBB
        && (head[2] & 0xFF) == 0xBF) {
      skip = 3;
    } else if (head.length >= 2 && (head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF) {
      charset = StandardCharsets.UTF_16BE;
      skip = 2;
    } else if (head.length >= 2 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE) {
      charset = StandardCharsets.UTF_16LE;
      skip = 2;
    }
    String text;
    try {
      text =
          charset
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPLACE)
              .onUnmappableCharacter(CodingErrorAction.REPLACE)
              .decode(ByteBuffer.wrap(head, skip, head.length - skip))
              .toString();
    } catch (java.nio.charset.CharacterCodingException e) {
      return null;
    }
    if (!text.stripLeading().startsWith("<") || text.stripLeading().startsWith("<?xml")) {
      return null;
    }
    try {
      XMLStreamReader reader = stax.createXMLStreamReader(new StringReader(text));
      try {
        while (reader.hasNext()) {
          int event = reader.next();
          if (event == XMLStreamConstants.START_ELEMENT) {
            return text;
          }
          if (event == XMLStreamConstants.DTD) {
            return null;
          }
        }
      } finally {
        reader.close();
      }
    } catch (XMLStreamException e) {
      return null;
    }
    return null;
  }
}
