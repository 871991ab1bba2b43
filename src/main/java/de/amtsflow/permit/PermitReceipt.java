package de.amtsflow.permit;

import java.util.UUID;

/**
 * The answer to a submitted application. The tracking token is shown once: the citizen needs it
 * (with the application id) to upload documents and follow the status. The access code opens the
 * application too, with its file number; the Eingangsbestätigung prints both, so a citizen who lost
 * the link can still follow the case.
 */
public record PermitReceipt(
    UUID applicationId,
    String fileNumber,
    String trackingToken,
    String accessCode,
    PermitStatus status,
    String statusUrl,
    String documentsUrl) {}
