package de.amtsflow.efile;

import java.text.Normalizer;

/** Client file names are hints for people; they never become paths. */
final class FileNames {

  private static final int MAX_LENGTH = 200;

  private FileNames() {}

  static String sanitise(String clientName) {
    if (clientName == null || clientName.isBlank()) {
      return "dokument";
    }
    String name = clientName.replace('\\', '/');
    name = name.substring(name.lastIndexOf('/') + 1);
    name = Normalizer.normalize(name, Normalizer.Form.NFC);
    // keep letters (umlauts too), digits and a few separators; everything else becomes '_'
    name = name.replaceAll("[^\\p{L}\\p{N}._ -]", "_").strip();
    name = name.replaceAll("^[.\\s]+", "");
    if (name.isEmpty()) {
      return "dokument";
    }
    return name.length() > MAX_LENGTH ? name.substring(name.length() - MAX_LENGTH) : name;
  }
}
