package de.amtsflow.efile;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** Recomputes what an e-file claims: content hashes, the audit chain and their agreement. */
final class IntegrityChecker {

  private final ContentStore content;

  IntegrityChecker(ContentStore content) {
    this.content = content;
  }

  List<IntegrityReport.Problem> checkContent(List<DocumentVersionEntity> versions) {
    List<IntegrityReport.Problem> problems = new ArrayList<>();
    for (DocumentVersionEntity v : versions) {
      if (!content.exists(v.sha256())) {
        problems.add(
            new IntegrityReport.Problem(
                "CONTENT_MISSING",
                "content of version " + v.version() + " is missing",
                v.documentId(),
                v.version(),
                null));
        continue;
      }
      try {
        String actual = content.hashOf(v.sha256());
        if (!actual.equals(v.sha256())) {
          problems.add(
              new IntegrityReport.Problem(
                  "CONTENT_MODIFIED",
                  "content of version " + v.version() + " hashes to " + actual,
                  v.documentId(),
                  v.version(),
                  null));
        }
      } catch (IOException e) {
        problems.add(
            new IntegrityReport.Problem(
                "CONTENT_UNREADABLE",
                "content of version " + v.version() + " cannot be read: " + e.getMessage(),
                v.documentId(),
                v.version(),
                null));
      }
    }
    return problems;
  }

  List<IntegrityReport.Problem> checkChain(
      UUID efileId, List<AuditEntry> chain, long expectedCount, String expectedHead) {
    List<IntegrityReport.Problem> problems = new ArrayList<>();
    String prev = AuditChain.GENESIS;
    long expectedSeq = 1;
    for (AuditEntry entry : chain) {
      if (entry.seq() != expectedSeq) {
        problems.add(
            problem(
                "AUDIT_SEQUENCE_GAP",
                "expected entry " + expectedSeq + " but found " + entry.seq(),
                entry.seq()));
        expectedSeq = entry.seq();
      }
      if (!entry.prevHash().equals(prev)) {
        problems.add(
            problem(
                "AUDIT_CHAIN_BROKEN",
                "entry " + entry.seq() + " does not link to its predecessor",
                entry.seq()));
      }
      if (!AuditChain.expectedHash(efileId, entry).equals(entry.entryHash())) {
        problems.add(
            problem(
                "AUDIT_ENTRY_MODIFIED",
                "entry " + entry.seq() + " does not match its hash",
                entry.seq()));
      }
      prev = entry.entryHash();
      expectedSeq++;
    }
    if (chain.size() != expectedCount || !prev.equals(expectedHead)) {
      problems.add(
          problem(
              "AUDIT_HEAD_MISMATCH",
              "the e-file records "
                  + expectedCount
                  + " audit entries ending in "
                  + expectedHead
                  + ", found "
                  + chain.size(),
              null));
    }
    return problems;
  }

  /** Every stored version must be announced by an audit entry with the same hash. */
  List<IntegrityReport.Problem> checkVersionsAreAudited(
      List<DocumentVersionEntity> versions, List<AuditEntry> chain) {
    List<IntegrityReport.Problem> problems = new ArrayList<>();
    for (DocumentVersionEntity v : versions) {
      boolean audited =
          chain.stream()
              .anyMatch(
                  e ->
                      DefaultEFileStore.ACTION_DOCUMENT_ADDED.equals(e.action())
                          && v.documentId().equals(e.documentId())
                          && Objects.equals(v.version(), e.documentVersion())
                          && v.sha256().equals(e.contentSha256()));
      if (!audited) {
        problems.add(
            new IntegrityReport.Problem(
                "VERSION_NOT_AUDITED",
                "version " + v.version() + " has no matching audit entry",
                v.documentId(),
                v.version(),
                null));
      }
    }
    return problems;
  }

  private static IntegrityReport.Problem problem(String code, String message, Long seq) {
    return new IntegrityReport.Problem(code, message, null, null, seq);
  }
}
