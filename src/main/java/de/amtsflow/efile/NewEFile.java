package de.amtsflow.efile;

/**
 * Command to open an e-file; {@code actor} is the user id or the process that opens it. {@code
 * reservedFileNumber} is one drawn beforehand with {@link EFileStore#reserveFileNumber} (null: the
 * store draws one). {@code tenantId} is the authority whose e-file it is (null: the default
 * tenant).
 */
public record NewEFile(
    EFileType type, String subject, String actor, String reservedFileNumber, String tenantId) {

  public NewEFile(EFileType type, String subject, String actor) {
    this(type, subject, actor, null, null);
  }

  public NewEFile(EFileType type, String subject, String actor, String reservedFileNumber) {
    this(type, subject, actor, reservedFileNumber, null);
  }
}
