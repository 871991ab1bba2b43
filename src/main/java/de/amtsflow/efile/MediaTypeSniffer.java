package de.amtsflow.efile;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.tika.Tika;
import org.springframework.stereotype.Component;

/**
 * Decides a document's media type from its leading bytes (Tika's magic detection), never from the
 * client's Content-Type or file extension: an {@code .exe} renamed to {@code .pdf} stays an exe.
 */
@Component
class MediaTypeSniffer {

  private final Tika tika = new Tika();

  String sniff(byte[] head) {
    try {
      return tika.detect(new ByteArrayInputStream(head));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
