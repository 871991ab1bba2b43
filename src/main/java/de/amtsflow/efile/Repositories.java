package de.amtsflow.efile;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface EFileRepository extends JpaRepository<EFileEntity, UUID> {

  Optional<EFileEntity> findByFileNumber(String fileNumber);

  /** Serialises writers of one e-file, so the audit chain never forks. */
  @Lock(LockModeType.PESSIMISTIC_WRITE)
  @Query("select e from EFileEntity e where e.id = :id")
  Optional<EFileEntity> findForUpdate(@Param("id") UUID id);
}

interface DocumentRepository extends JpaRepository<DocumentEntity, UUID> {

  Optional<DocumentEntity> findByEfileIdAndKindAndTitle(UUID efileId, String kind, String title);

  Optional<DocumentEntity> findByIdAndEfileId(UUID id, UUID efileId);
}

interface DocumentVersionRepository extends JpaRepository<DocumentVersionEntity, UUID> {

  List<DocumentVersionEntity> findByDocumentIdOrderByVersion(UUID documentId);

  Optional<DocumentVersionEntity> findByDocumentIdAndVersion(UUID documentId, int version);

  @Query(
      "select v from DocumentVersionEntity v, DocumentEntity d"
          + " where v.documentId = d.id and d.efileId = :efileId order by v.createdAt, v.version")
  List<DocumentVersionEntity> findAllOfEFile(@Param("efileId") UUID efileId);

  @Query(
      "select v, d from DocumentVersionEntity v, DocumentEntity d"
          + " where v.documentId = d.id and d.efileId = :efileId order by v.createdAt, v.version")
  List<Object[]> findAllOfEFileWithDocument(@Param("efileId") UUID efileId);

  boolean existsBySha256(String sha256);

  @Query("select distinct v.sha256 from DocumentVersionEntity v")
  Set<String> allSha256();
}

interface AuditEntryRepository extends JpaRepository<AuditEntryEntity, AuditEntryEntity.Key> {

  @Query("select a from AuditEntryEntity a where a.efileId = :efileId order by a.seq")
  List<AuditEntryEntity> findChain(@Param("efileId") UUID efileId);
}
