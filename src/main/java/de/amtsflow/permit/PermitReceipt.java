package de.amtsflow.permit;

import java.util.UUID;

/**
 * The answer to a submitted application. The tracking token is shown once: the citizen needs it
 * (with the application id) to upload documents and follow the status.
 */
public record PermitReceipt(
    UUID applicationId,
    String fileNumber,
    String trackingToken,
    PermitStatus status,
    String statusUrl,
    String documentsUrl) {}
