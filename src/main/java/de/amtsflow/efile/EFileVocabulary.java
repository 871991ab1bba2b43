package de.amtsflow.efile;

import java.util.Map;

/**
 * What a feature files in its e-files, in German for clerks: the document kinds it uses, the system
 * actors it files under (who is not a user), and the codes of its audit notes ({@link
 * EFileStore#note}). Each feature contributes one bean per e-file type it owns; the e-file page and
 * API take every label from there, so a kind is named in one place, next to the code that files it.
 * A kind without a label is shown as {@link #OTHER_KIND}.
 */
public interface EFileVocabulary {

  /** Actor of work nobody did by hand (jobs, intake, rendering); any module may file under it. */
  String SYSTEM = "system";

  /** Actor of what a deadline decided: a timer fired, a period ran out. */
  String DEADLINE = "frist";

  /** How an unknown document kind reads. */
  String OTHER_KIND = "Sonstiges";

  EFileType type();

  /** Document kind → German label, e.g. {@code fee-notice} → "Gebührenbescheid". */
  Map<String, String> documentKinds();

  /** System actor → German, e.g. {@code fiktion} → "Fiktion (Fristablauf)". */
  Map<String, String> actors();

  /** Audit note code → German, e.g. {@code NOTICE_MAILED} → "Schreiben per E-Mail verschickt". */
  Map<String, String> notes();
}
