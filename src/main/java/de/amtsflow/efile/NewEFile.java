package de.amtsflow.efile;

/** Command to open an e-file; {@code actor} is the user id or the process that opens it. */
public record NewEFile(EFileType type, String subject, String actor) {}
