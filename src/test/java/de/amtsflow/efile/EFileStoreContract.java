package de.amtsflow.efile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Persistence behaviour of the e-file store, run against H2 ({@link EFileStoreH2Test}) and the real
 * PostgreSQL ({@link EFileStorePostgresIT}): same tests, both databases.
 */
abstract class EFileStoreContract {

  @Autowired EFileStore store;
  @Autowired ContentStore contentStore;
  @Autowired JdbcTemplate jdbc;

  static byte[] pdf(String text) {
    return ("%PDF-1.7\n% " + text + " " + UUID.randomUUID() + "\n%%EOF\n").getBytes();
  }

  EFile newPermitFile() {
    return store.create(new NewEFile(EFileType.PERMIT, "Neubau Einfamilienhaus", "bauamt"));
  }

  @Test
  void generatesFileNumbersPerTypeAndYear() {
    EFile first = newPermitFile();
    EFile second = newPermitFile();
    EFile invoice = store.create(new NewEFile(EFileType.INVOICE, "Rechnung 4711", "rechnung"));

    int year = LocalDate.now().getYear();
    assertThat(first.fileNumber()).matches("BAU-" + year + "-\\d{6}");
    assertThat(invoice.fileNumber()).matches("RE-" + year + "-\\d{6}");
    long a = Long.parseLong(first.fileNumber().substring(9));
    long b = Long.parseLong(second.fileNumber().substring(9));
    assertThat(b).isEqualTo(a + 1);
    assertThat(store.findByFileNumber(second.fileNumber())).contains(second);
  }

  @Test
  void storesContentByteIdenticalWithItsHash() throws Exception {
    EFile efile = newPermitFile();
    byte[] bytes = pdf("Lageplan");

    Document doc =
        store.addDocument(
            efile.id(), NewDocument.ofBytes("Lageplan", "plan", "lageplan.pdf", bytes, "bauamt"));

    assertThat(doc.version()).isEqualTo(1);
    assertThat(doc.mediaType()).isEqualTo("application/pdf");
    assertThat(doc.size()).isEqualTo(bytes.length);
    assertThat(doc.sha256()).isEqualTo(AuditChain.sha256Hex(bytes));
    assertThat(store.content(efile.id(), doc.id(), null).readAllBytes()).isEqualTo(bytes);
  }

  @Test
  void sameBytesTwiceAreOneBlobAndTwoVersions() throws Exception {
    EFile efile = newPermitFile();
    byte[] bytes = pdf("Grundriss");

    Document v1 =
        store.addDocument(
            efile.id(), NewDocument.ofBytes("Grundriss EG", "plan", "eg.pdf", bytes, "a"));
    Document v2 =
        store.addDocument(
            efile.id(), NewDocument.ofBytes("Grundriss EG", "plan", "eg.pdf", bytes, "b"));

    assertThat(v2.id()).isEqualTo(v1.id());
    assertThat(List.of(v1.version(), v2.version())).containsExactly(1, 2);
    assertThat(store.versions(efile.id(), v1.id()))
        .extracting(Document::version)
        .containsExactly(1, 2);
    assertThat(store.documents(efile.id()))
        .singleElement()
        .extracting(Document::version)
        .isEqualTo(2);
    Path blob = contentStore.pathOf(v1.sha256());
    try (Stream<Path> files = Files.list(blob.getParent())) {
      assertThat(files.filter(p -> p.getFileName().toString().equals(v1.sha256()))).hasSize(1);
    }
    assertThat(
            jdbc.queryForObject(
                "select count(*) from efile_document_version where sha256 = ?",
                Integer.class,
                v1.sha256()))
        .isEqualTo(2);
  }

  @Test
  void keepsOldVersionsReadable() throws Exception {
    EFile efile = newPermitFile();
    byte[] first = pdf("Statik alt");
    byte[] second = pdf("Statik neu");
    Document v1 =
        store.addDocument(
            efile.id(), NewDocument.ofBytes("Statik", "statics", "s.pdf", first, "a"));
    store.addDocument(efile.id(), NewDocument.ofBytes("Statik", "statics", "s.pdf", second, "a"));

    assertThat(store.content(efile.id(), v1.id(), 1).readAllBytes()).isEqualTo(first);
    assertThat(store.content(efile.id(), v1.id(), null).readAllBytes()).isEqualTo(second);
  }

  @Test
  void freshEFileIsIntact() {
    EFile efile = newPermitFile();
    store.addDocument(
        efile.id(), NewDocument.ofBytes("Antrag", "application", "a.pdf", pdf("x"), "a"));

    IntegrityReport report = store.checkIntegrity(efile.id());

    assertThat(report.intact()).isTrue();
    assertThat(report.problems()).isEmpty();
    assertThat(report.documentVersionsChecked()).isEqualTo(1);
    assertThat(report.auditEntriesChecked()).isEqualTo(2);
  }

  @Test
  void detectsTamperedContentFile() throws Exception {
    EFile efile = newPermitFile();
    Document doc =
        store.addDocument(
            efile.id(), NewDocument.ofBytes("Bescheid", "notice", "b.pdf", pdf("genehmigt"), "a"));
    Path blob = contentStore.pathOf(doc.sha256());
    blob.toFile().setWritable(true);
    Files.write(blob, pdf("abgelehnt"));

    IntegrityReport report = store.checkIntegrity(efile.id());

    assertThat(report.intact()).isFalse();
    assertThat(report.problems())
        .extracting(IntegrityReport.Problem::code, IntegrityReport.Problem::documentId)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("CONTENT_MODIFIED", doc.id()));
  }

  @Test
  void detectsMissingContentFile() throws Exception {
    EFile efile = newPermitFile();
    Document doc =
        store.addDocument(
            efile.id(), NewDocument.ofBytes("Plan", "plan", "p.pdf", pdf("weg"), "a"));
    Files.delete(contentStore.pathOf(doc.sha256()));

    assertThat(store.checkIntegrity(efile.id()).problems())
        .extracting(IntegrityReport.Problem::code)
        .containsExactly("CONTENT_MISSING");
  }

  @Test
  void detectsChangedAuditEntry() {
    EFile efile = newPermitFile();
    store.addDocument(efile.id(), NewDocument.ofBytes("Plan", "plan", "p.pdf", pdf("p"), "bauamt"));
    jdbc.update(
        "update efile_audit_entry set actor = 'mallory' where efile_id = ? and seq = 2",
        efile.id());

    IntegrityReport report = store.checkIntegrity(efile.id());

    assertThat(report.intact()).isFalse();
    assertThat(report.problems())
        .extracting(IntegrityReport.Problem::code, IntegrityReport.Problem::seq)
        .contains(org.assertj.core.groups.Tuple.tuple("AUDIT_ENTRY_MODIFIED", 2L));
  }

  @Test
  void detectsDeletedAuditEntries() {
    EFile efile = newPermitFile();
    store.addDocument(efile.id(), NewDocument.ofBytes("A", "plan", "a.pdf", pdf("a"), "x"));
    store.addDocument(efile.id(), NewDocument.ofBytes("B", "plan", "b.pdf", pdf("b"), "x"));
    jdbc.update("delete from efile_audit_entry where efile_id = ? and seq = 2", efile.id());

    assertThat(store.checkIntegrity(efile.id()).problems())
        .extracting(IntegrityReport.Problem::code)
        .contains(
            "AUDIT_SEQUENCE_GAP",
            "AUDIT_CHAIN_BROKEN",
            "AUDIT_HEAD_MISMATCH",
            "VERSION_NOT_AUDITED");

    EFile other = newPermitFile();
    store.addDocument(other.id(), NewDocument.ofBytes("C", "plan", "c.pdf", pdf("c"), "x"));
    // removing the newest entry leaves a consistent chain; the head on the e-file tells
    jdbc.update("delete from efile_audit_entry where efile_id = ? and seq = 2", other.id());
    assertThat(store.checkIntegrity(other.id()).problems())
        .extracting(IntegrityReport.Problem::code)
        .contains("AUDIT_HEAD_MISMATCH", "VERSION_NOT_AUDITED");
  }

  @Test
  void detectsContentSwappedTogetherWithItsVersionRow() throws Exception {
    EFile efile = newPermitFile();
    Document doc =
        store.addDocument(
            efile.id(), NewDocument.ofBytes("Plan", "plan", "p.pdf", pdf("echt"), "a"));
    byte[] forged = pdf("gefälscht");
    String forgedSha = AuditChain.sha256Hex(forged);
    Path forgedBlob = contentStore.pathOf(forgedSha);
    Files.createDirectories(forgedBlob.getParent());
    Files.write(forgedBlob, forged);
    jdbc.update(
        "update efile_document_version set sha256 = ? where document_id = ?", forgedSha, doc.id());

    assertThat(store.checkIntegrity(efile.id()).problems())
        .extracting(IntegrityReport.Problem::code)
        .containsExactly("VERSION_NOT_AUDITED");
  }

  @Test
  void rejectedWritesLeaveNothingBehind() throws Exception {
    EFile efile = newPermitFile();
    long auditBefore = store.audit(efile.id()).size();
    long blobsBefore = blobCount();

    byte[] exe = new byte[2048];
    exe[0] = 'M';
    exe[1] = 'Z';
    ThreadLocalRandom.current().nextBytes(new byte[0]);
    assertThatThrownBy(
            () ->
                store.addDocument(
                    efile.id(), NewDocument.ofBytes("Plan", "plan", "plan.pdf", exe, "a")))
        .isInstanceOfSatisfying(
            EFileException.class, e -> assertThat(e.code()).isEqualTo("media-type-not-allowed"));
    assertThatThrownBy(
            () ->
                store.addDocument(
                    efile.id(), NewDocument.ofBytes("Plan", "plan", "p.pdf", new byte[0], "a")))
        .isInstanceOfSatisfying(
            EFileException.class, e -> assertThat(e.code()).isEqualTo("invalid-field"));
    byte[] big = new byte[(int) (256 * 1024 + 1)];
    System.arraycopy(pdf("gross"), 0, big, 0, 20);
    assertThatThrownBy(
            () ->
                store.addDocument(
                    efile.id(), NewDocument.ofBytes("Plan", "plan", "p.pdf", big, "a")))
        .isInstanceOfSatisfying(
            EFileException.class, e -> assertThat(e.code()).isEqualTo("too-large"));

    assertThat(store.audit(efile.id())).hasSize((int) auditBefore);
    assertThat(store.documents(efile.id())).isEmpty();
    assertThat(blobCount()).isEqualTo(blobsBefore);
    assertThat(stagingFiles()).isZero();
    assertThat(store.checkIntegrity(efile.id()).intact()).isTrue();
  }

  @Test
  void closedEFileRefusesDocuments() {
    EFile efile = newPermitFile();
    EFile closed = store.close(efile.id(), LocalDate.now().plusYears(8), "bauamt");
    assertThat(closed.status()).isEqualTo(EFileStatus.CLOSED);
    assertThat(closed.retentionUntil()).isEqualTo(LocalDate.now().plusYears(8));

    assertThatThrownBy(
            () ->
                store.addDocument(
                    efile.id(), NewDocument.ofBytes("Plan", "plan", "p.pdf", pdf("z"), "a")))
        .isInstanceOfSatisfying(
            EFileException.class, e -> assertThat(e.code()).isEqualTo("efile-closed"));
    assertThat(store.audit(efile.id()))
        .extracting(AuditEntry::action)
        .containsExactly("EFILE_CREATED", "EFILE_CLOSED");
    assertThat(store.checkIntegrity(efile.id()).intact()).isTrue();
  }

  @Test
  void unknownEFileIsNotFound() {
    assertThatThrownBy(() -> store.get(UUID.randomUUID()))
        .isInstanceOfSatisfying(
            EFileException.class, e -> assertThat(e.code()).isEqualTo("efile-not-found"));
  }

  long blobCount() throws Exception {
    Path root = contentStore.pathOf("0".repeat(64)).getParent().getParent().getParent();
    if (!Files.exists(root)) {
      return 0;
    }
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(Files::isRegularFile).count();
    }
  }

  /** Leftovers of writes: staging files and pending markers (of every node folder). */
  long stagingFiles() throws Exception {
    Path content = contentStore.pathOf("0".repeat(64)).getParent().getParent().getParent();
    long count = 0;
    for (String folder : new String[] {"staging", "pending"}) {
      try (Stream<Path> files = Files.walk(content.getParent().resolve(folder))) {
        count += files.filter(Files::isRegularFile).count();
      }
    }
    return count;
  }
}
