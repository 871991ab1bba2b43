package de.amtsflow.efile;

import de.amtsflow.security.Groups;
import de.amtsflow.tenant.TenantScope;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who may read an e-file: its own authority's clerks (a group {@code amtsflow.efile.access} allows
 * for the type, and membership in the e-file's tenant), and those asked to take part in its case —
 * the Gemeinde asked for its Einvernehmen, a Fachstelle asked for its statement — each as a
 * (tenant, group) pair {@link #addParticipant added} when the process asks them. Administrators
 * read every e-file. Nobody else, whatever their group: a Gemeinde never reads another's case.
 */
@Component
public class EFileAccess {

  private final EFileProperties properties;
  private final TenantScope tenants;
  private final JdbcTemplate jdbc;
  private final EFileStore store;
  private final Clock clock;

  EFileAccess(
      EFileProperties properties,
      TenantScope tenants,
      JdbcTemplate jdbc,
      EFileStore store,
      Clock clock) {
    this.properties = properties;
    this.tenants = tenants;
    this.jdbc = jdbc;
    this.store = store;
    this.clock = clock;
  }

  /** May a caller with these groups (and the current tenants) read the e-file? */
  public boolean mayRead(EFile efile, Collection<String> groups) {
    if (groups.contains(Groups.ADMIN)) {
      return true;
    }
    List<String> clerks = properties.access().getOrDefault(efile.type(), List.of());
    if (groups.stream().anyMatch(clerks::contains) && tenants.includes(efile.tenantId())) {
      return true;
    }
    return participants(efile.id()).stream()
        .anyMatch(p -> groups.contains(p.groupId()) && tenants.includes(p.tenantId()));
  }

  /**
   * @throws AccessDeniedException when the caller may not read it (answered 403 problem+json)
   */
  public void requireRead(EFile efile, Collection<String> groups) {
    if (!mayRead(efile, groups)) {
      throw new AccessDeniedException("no access to e-file " + efile.id());
    }
  }

  /** One who takes part in the case: the group's users of that tenant. */
  public record Participant(String tenantId, String groupId) {}

  public List<Participant> participants(UUID efileId) {
    return jdbc.query(
        "select tenant_id, group_id from efile_participant where efile_id = ? order by added_at",
        (rs, i) -> new Participant(rs.getString(1), rs.getString(2)),
        efileId);
  }

  /**
   * Lets the group's users of the tenant read the e-file from now on; recorded in its audit trail.
   * Adding the same participant again changes nothing.
   */
  @Transactional(propagation = Propagation.REQUIRED)
  public void addParticipant(UUID efileId, Participant participant, String actor) {
    if (participants(efileId).contains(participant)) {
      return;
    }
    try {
      jdbc.update(
          "insert into efile_participant (efile_id, tenant_id, group_id, added_at)"
              + " values (?, ?, ?, ?)",
          efileId,
          participant.tenantId(),
          participant.groupId(),
          java.sql.Timestamp.from(clock.instant()));
    } catch (DuplicateKeyException addedConcurrently) {
      return;
    }
    store.note(
        efileId,
        "PARTICIPANT_ADDED",
        "may read this e-file: group " + participant.groupId() + " of " + participant.tenantId(),
        actor);
  }
}
