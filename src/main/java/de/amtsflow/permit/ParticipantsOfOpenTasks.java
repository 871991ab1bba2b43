package de.amtsflow.permit;

import de.amtsflow.efile.EFileAccess;
import de.amtsflow.tenant.Tenants;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Lets those asked before tenancy read the case they were asked about. The previous release let
 * every {@code municipality} and {@code agencies} user read every permit e-file; now a Gemeinde or
 * Fachstelle reads one only as a participant, added when its task is created ({@code
 * PermitTaskListener}). An Einvernehmen or statement task that was already open at the upgrade has
 * no such entry, so its users would see the task but not the plans. At start-up each open
 * participation task's candidate groups become participants of its e-file, in the task's tenant
 * (the default tenant for a task from before: {@code EngineTenantMigration} gives it that one, and
 * may run after this). Adding a participant again changes nothing, so this finds nothing to do once
 * the old tasks have them; the e-file's audit trail records each one added.
 */
@Component
class ParticipantsOfOpenTasks implements SmartInitializingSingleton {

  private static final Logger log = LoggerFactory.getLogger(ParticipantsOfOpenTasks.class);
  private static final String SYSTEM = "bauaufsicht";

  /** The one group of every Fachstelle before tenancy; now each has its own (agency-*). */
  static final String FORMER_AGENCIES_GROUP = "agencies";

  private final TaskService taskService;
  private final EFileAccess access;
  private final Tenants tenants;

  ParticipantsOfOpenTasks(TaskService taskService, EFileAccess access, Tenants tenants) {
    this.taskService = taskService;
    this.access = access;
    this.tenants = tenants;
  }

  @Override
  public void afterSingletonsInstantiated() {
    int added = 0;
    // only tasks from before tenancy: an Einvernehmen task of the permit process itself (now a
    // process of the Gemeinde) and a statement task for the former group of all Fachstellen. Newer
    // tasks got their participant when created, so a start with thousands of open tasks does not
    // look at each of them again
    List<Task> old = new java.util.ArrayList<>();
    old.addAll(
        taskService
            .createTaskQuery()
            .processDefinitionKey(PermitProcess.KEY)
            .taskDefinitionKey(PermitProcess.Task.MUNICIPAL_CONSENT)
            .list());
    old.addAll(
        taskService
            .createTaskQuery()
            .processDefinitionKey(PermitProcess.KEY)
            .taskDefinitionKey(PermitProcess.Task.AGENCY_STATEMENT)
            .taskCandidateGroup(FORMER_AGENCIES_GROUP)
            .includeAssignedTasks()
            .list());
    for (Task task : old) {
      UUID efileId =
          UUID.fromString(
              String.valueOf(taskService.getVariable(task.getId(), PermitProcess.Var.EFILE_ID)));
      String tenant =
          task.getTenantId() != null ? task.getTenantId() : tenants.defaultTenant().id();
      for (IdentityLink link : taskService.getIdentityLinksForTask(task.getId())) {
        if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null) {
          EFileAccess.Participant participant =
              new EFileAccess.Participant(tenant, link.getGroupId());
          if (!access.participants(efileId).contains(participant)) {
            access.addParticipant(efileId, participant, SYSTEM);
            added++;
          }
        }
      }
    }
    if (added > 0) {
      log.info("{} participant(s) of open Einvernehmen and statement tasks added", added);
    }
  }
}
