package de.amtsflow.permit;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An application's state as citizens see it: its status and timeline. Delegates move it on; the
 * status endpoint reads it. Lookups by the citizen's token answer "not found" for a wrong token.
 */
@Service
class PermitCases {

  private final PermitApplicationRepository applications;
  private final PermitTimelineRepository timeline;
  private final AccessCodes accessCodes;
  private final Clock clock;

  PermitCases(
      PermitApplicationRepository applications,
      PermitTimelineRepository timeline,
      AccessCodes accessCodes,
      Clock clock) {
    this.applications = applications;
    this.timeline = timeline;
    this.accessCodes = accessCodes;
    this.clock = clock;
  }

  @Transactional(readOnly = true)
  PermitApplicationEntity get(UUID id) {
    return applications.findById(id).orElseThrow(PermitProblems::notFound);
  }

  /**
   * The application if the token is its tracking token (from the link) or its access code (from the
   * Eingangsbestätigung); otherwise 404, whether it exists or not.
   */
  @Transactional(readOnly = true)
  PermitApplicationEntity byToken(UUID id, String token) {
    return applications
        .findById(id)
        .filter(a -> TrackingTokens.matches(token, a.tokenHash) || accessCodes.matches(id, token))
        .orElseThrow(PermitProblems::notFound);
  }

  /** The application with this file number and access code; otherwise 404, as for a wrong code. */
  @Transactional(readOnly = true)
  PermitApplicationEntity byFileNumber(String fileNumber, String accessCode) {
    if (fileNumber == null || fileNumber.isBlank()) {
      throw PermitProblems.notFound();
    }
    return applications
        .findByFileNumber(fileNumber.strip().toUpperCase(java.util.Locale.ROOT))
        .filter(a -> accessCodes.matches(a.id, accessCode))
        .orElseThrow(PermitProblems::notFound);
  }

  /** The application, locked until the transaction ends. */
  @Transactional
  PermitApplicationEntity lock(UUID id) {
    return applications.findForUpdate(id).orElseThrow(PermitProblems::notFound);
  }

  /** Moves the application to {@code status} and tells the citizen why, in the timeline. */
  @Transactional
  PermitApplicationEntity moveTo(UUID id, PermitStatus status, String text) {
    PermitApplicationEntity application =
        applications.findForUpdate(id).orElseThrow(PermitProblems::notFound);
    application.status = status;
    if (status != PermitStatus.INCOMPLETE) {
      application.missingDocuments = null;
    }
    record(application, status, text);
    return application;
  }

  /** Adds a timeline step without changing the status. */
  @Transactional
  void record(PermitApplicationEntity application, PermitStatus status, String text) {
    int seq = (int) timeline.countByApplicationId(application.id) + 1;
    timeline.save(
        new PermitTimelineEntity(
            application.id, seq, clock.instant().truncatedTo(ChronoUnit.MILLIS), status, text));
  }

  @Transactional(readOnly = true)
  List<PermitTimelineEntity> timeline(UUID id) {
    return timeline.findByApplicationIdOrderBySeq(id);
  }
}
