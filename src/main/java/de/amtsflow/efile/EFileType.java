package de.amtsflow.efile;

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
}
