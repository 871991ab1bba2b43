package de.amtsflow.efile;

import java.util.concurrent.ThreadLocalRandom;

/** What an e-file is about; the prefix starts its file number (Aktenzeichen). */
public enum EFileType {
  PERMIT("BAU"),
  INVOICE("RE");

  private final String prefix;

  EFileType(String prefix) {
    this.prefix = prefix;
  }

  public String prefix() {
    return prefix;
  }

  /**
   * A file number of the year 0000, which no counter hands out, for a warm-up that rehearses an
   * intake in a transaction it rolls back ({@code RE-0000-…}); random, so rehearsals of two nodes
   * never meet.
   */
  public String rehearsalFileNumber() {
    return prefix
        + "-0000-"
        + String.format("%012d", ThreadLocalRandom.current().nextLong(1_000_000_000_000L));
  }
}
