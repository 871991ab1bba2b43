package de.amtsflow.efile;

import java.io.IOException;
import java.io.InputStream;

/**
 * Command to file a document. A document with the same {@code kind} and {@code title} as an
 * existing one in the e-file becomes its next version. The file name is only a hint for people: it
 * is sanitised, and the media type is sniffed from the bytes.
 */
public record NewDocument(
    String title, String kind, String fileName, ContentSource content, String actor) {

  /** Where the bytes come from; opened once by the store. */
  @FunctionalInterface
  public interface ContentSource {
    InputStream open() throws IOException;
  }

  public static NewDocument ofBytes(
      String title, String kind, String fileName, byte[] bytes, String actor) {
    return new NewDocument(
        title, kind, fileName, () -> new java.io.ByteArrayInputStream(bytes), actor);
  }
}
