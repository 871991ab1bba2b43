package de.amtsflow.efile;

import java.io.IOException;
import java.io.InputStream;

/** A document version together with a way to read its bytes. */
public record DocumentContent(Document document, ContentReader reader) {

  /** Opens the stored bytes; the caller closes the stream. */
  @FunctionalInterface
  public interface ContentReader {
    InputStream open() throws IOException;
  }

  public byte[] readAllBytes() throws IOException {
    try (InputStream in = reader.open()) {
      return in.readAllBytes();
    }
  }
}
