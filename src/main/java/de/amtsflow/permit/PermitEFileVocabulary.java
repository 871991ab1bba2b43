package de.amtsflow.permit;

import de.amtsflow.efile.EFileType;
import de.amtsflow.efile.EFileVocabulary;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * What a permit's e-file holds, in German: the Bauvorlagen by the same titles the citizen's form
 * offers ({@link DocumentKind}, published by {@code GET /api/permit-applications/form-rules}), the
 * letters and statements the process files, who files them when no clerk does, and the process's
 * audit notes.
 */
@Component
class PermitEFileVocabulary implements EFileVocabulary {

  private static final Map<String, String> KINDS = kinds();

  private static Map<String, String> kinds() {
    Map<String, String> kinds = new LinkedHashMap<>();
    kinds.put("application", "Bauantrag");
    for (DocumentKind kind : DocumentKind.values()) {
      kinds.put(kind.efileKind(), kind.title());
    }
    // the letters to the applicant (PermitLetters.TO_APPLICANT) and the statements on record
    kinds.put("receipt", "Eingangsbestätigung");
    kinds.put("request", "Nachforderung");
    kinds.put("statement", "Stellungnahme");
    kinds.put("decision", "Bescheid");
    kinds.put("fee-notice", "Gebührenbescheid");
    kinds.put("notice", "Mitteilung");
    return Map.copyOf(kinds);
  }

  @Override
  public EFileType type() {
    return EFileType.PERMIT;
  }

  @Override
  public Map<String, String> documentKinds() {
    return KINDS;
  }

  @Override
  public Map<String, String> actors() {
    return Map.of(
        PermitIntake.ACTOR_ONLINE, "Antragsteller/in (online)",
        PermitLetters.ACTOR, "Bauaufsicht (automatisch)",
        PermitStatements.FICTION_ACTOR, "Fiktion (Fristablauf)");
  }

  @Override
  public Map<String, String> notes() {
    return Map.of(
        "NOTICE_MAILED", "Schreiben per E-Mail verschickt",
        "NOTICE_NOT_MAILED", "Schreiben nicht per E-Mail verschickt – per Post senden",
        "COMPLETENESS_CHECK_OVERDUE", "Prüffrist für die Vollständigkeit überschritten",
        "TRACKING_TOKEN_REISSUED", "Antrag erneut gesendet, Zugangscode neu ausgegeben",
        "CONSENT_REPLACED", "Versagtes Einvernehmen ersetzt (Art. 67 BayBO)");
  }
}
