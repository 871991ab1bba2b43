package de.amtsflow.durability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** The durability tests' counts: printed, and collected in target/durability/counts.txt for CI. */
final class Report {

  static final Path FILE = Path.of("target", "durability", "counts.txt");

  private Report() {}

  static void line(String format, Object... args) {
    String line = String.format(format, args);
    System.out.println(line);
    try {
      Files.createDirectories(FILE.getParent());
      Files.writeString(FILE, line + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
