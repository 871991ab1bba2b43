package de.amtsflow.efile;

import java.util.List;
import java.util.Map;

/**
 * What the store accepts, for forms that check a file when it is chosen: the largest size and the
 * formats (the media type the bytes must sniff as, the name people know, the usual extensions). The
 * same values {@link EFileStore#addDocument} enforces; {@code headBytes} is how much of a file's
 * beginning {@link EFileStore#checkUpload} needs to recognise its type.
 */
public record UploadRules(long maxBytes, String maxSizeText, int headBytes, List<Format> formats) {

  /** One accepted format: e.g. "PDF", {@code application/pdf}, {@code [".pdf"]}. */
  public record Format(String name, String mediaType, List<String> extensions) {}

  /** Extensions people give files of a media type; a type missing here gets none. */
  private static final Map<String, List<String>> EXTENSIONS =
      Map.of(
          "application/pdf", List.of(".pdf"),
          "application/xml", List.of(".xml"),
          "text/xml", List.of(".xml"),
          "image/png", List.of(".png"),
          "image/jpeg", List.of(".jpg", ".jpeg"),
          "image/tiff", List.of(".tif", ".tiff"));

  static UploadRules of(long maxBytes, List<String> mediaTypes) {
    return new UploadRules(
        maxBytes,
        sizeText(maxBytes),
        ContentStore.HEAD_BYTES,
        mediaTypes.stream()
            .map(
                t ->
                    new Format(
                        DefaultEFileStore.formatNames(List.of(t)),
                        t,
                        EXTENSIONS.getOrDefault(t, List.of())))
            .toList());
  }

  /** A size as people read it: "25 MB", "1,5 MB", "256 KB" (binary units, as Spring's DataSize). */
  static String sizeText(long bytes) {
    long mb = 1024L * 1024;
    if (bytes >= mb) {
      return bytes % mb == 0
          ? (bytes / mb) + " MB"
          : String.format(java.util.Locale.GERMANY, "%.1f MB", bytes / (double) mb);
    }
    return Math.max(1, bytes / 1024) + " KB";
  }

  /** "PDF, XML, PNG, JPEG und TIFF": the formats' names, each once. */
  public String namesText() {
    List<String> names = formats.stream().map(Format::name).distinct().toList();
    if (names.size() <= 1) {
      return String.join("", names);
    }
    return String.join(", ", names.subList(0, names.size() - 1))
        + " und "
        + names.get(names.size() - 1);
  }
}
