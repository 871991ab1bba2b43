package de.amtsflow.permit;

import java.time.Period;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the building permit ({@code amtsflow.permit.*}). The statutory deadlines differ per
 * Land; {@code state} picks the set that applies, Bavaria (BayBO) by default.
 *
 * @param state the Land whose deadlines apply, a key of {@code states} (e.g. {@code BY})
 * @param states deadlines per Land
 * @param authority the Bauaufsichtsbehörde as letters name it
 * @param court the administrative court, with its seat, that the Rechtsbehelfsbelehrung names
 * @param resubmissionMin shortest deadline a clerk may set for a Nachforderung
 * @param resubmissionMax longest deadline a clerk may set for a Nachforderung
 * @param retentionYearsGranted how long the e-file of a granted permit is kept
 * @param retentionYearsOther how long the e-file of a refused or withdrawn application is kept
 * @param submitsPerMinute applications one client (IP address) may submit per minute
 * @param requestsPerMinute uploads and status reads one client may make per minute without login
 * @param accessCodeKey the key citizens' access codes are derived from (empty: a key generated once
 *     and kept in the database)
 * @param trackingUrl the public address of the tracking page, as the Eingangsbestätigung prints it
 */
@ConfigurationProperties("amtsflow.permit")
public record PermitProperties(
    String state,
    Map<String, Deadlines> states,
    String authority,
    String court,
    Period resubmissionMin,
    Period resubmissionMax,
    Integer retentionYearsGranted,
    Integer retentionYearsOther,
    Integer submitsPerMinute,
    Integer requestsPerMinute,
    String accessCodeKey,
    String trackingUrl) {

  /**
   * The statutory deadlines of one Land.
   *
   * @param completenessCheck the authority checks completeness within this (BY: 3 weeks, Art. 65
   *     Abs. 2 BayBO)
   * @param approvalFictionStart the fiction period starts this long after the complete application
   *     or the requested documents arrived (BY: 3 weeks, Art. 68 Abs. 2 BayBO)
   * @param approvalFiction the Genehmigungsfiktion occurs after this (BY: 3 months); empty: the
   *     Land has none
   * @param consentFiction the Gemeinde's Einvernehmen counts as granted after this (§ 36 Abs. 2
   *     BauGB: 2 months, federal law)
   * @param agencyFiction an agency's consent counts as given after this (1 month)
   */
  public record Deadlines(
      Period completenessCheck,
      Period approvalFictionStart,
      Period approvalFiction,
      Period consentFiction,
      Period agencyFiction) {}

  public PermitProperties {
    state = state == null || state.isBlank() ? "BY" : state.strip();
    states = states == null ? Map.of() : Map.copyOf(states);
    authority = authority == null || authority.isBlank() ? "Untere Bauaufsichtsbehörde" : authority;
    court =
        court == null || court.isBlank()
            ? "Bayerischen Verwaltungsgericht (Sitz: bitte in amtsflow.permit.court eintragen)"
            : court;
    resubmissionMin = resubmissionMin == null ? Period.ofDays(7) : resubmissionMin;
    resubmissionMax = resubmissionMax == null ? Period.ofMonths(3) : resubmissionMax;
    retentionYearsGranted = retentionYearsGranted == null ? 30 : retentionYearsGranted;
    retentionYearsOther = retentionYearsOther == null ? 10 : retentionYearsOther;
    submitsPerMinute = submitsPerMinute == null ? 10 : submitsPerMinute;
    requestsPerMinute = requestsPerMinute == null ? 60 : requestsPerMinute;
    trackingUrl =
        trackingUrl == null || trackingUrl.isBlank()
            ? "http://localhost:8080/verfolgen.html"
            : trackingUrl.strip();
    Deadlines deadlines = states.get(state);
    if (deadlines == null) {
      throw new IllegalStateException(
          "amtsflow.permit.state is "
              + state
              + ", but amtsflow.permit.states has no deadlines for it (known: "
              + String.join(", ", states.keySet())
              + ")");
    }
    if (deadlines.completenessCheck() == null
        || deadlines.consentFiction() == null
        || deadlines.agencyFiction() == null) {
      throw new IllegalStateException(
          "amtsflow.permit.states."
              + state
              + " needs completeness-check, consent-fiction and agency-fiction");
    }
  }

  /** The deadlines of the configured Land. */
  public Deadlines deadlines() {
    return states.get(state);
  }
}
