package de.amtsflow.permit;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface PermitApplicationRepository extends JpaRepository<PermitApplicationEntity, UUID> {

  Optional<PermitApplicationEntity> findByIdempotencyKey(String idempotencyKey);

  Optional<PermitApplicationEntity> findByFileNumber(String fileNumber);

  /** Serialises writers of one application (timeline sequence, status). */
  @Lock(LockModeType.PESSIMISTIC_WRITE)
  @Query("select a from PermitApplicationEntity a where a.id = :id")
  Optional<PermitApplicationEntity> findForUpdate(UUID id);
}

interface PermitTimelineRepository extends JpaRepository<PermitTimelineEntity, UUID> {

  List<PermitTimelineEntity> findByApplicationIdOrderBySeq(UUID applicationId);

  long countByApplicationId(UUID applicationId);
}
