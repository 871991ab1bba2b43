package de.amtsflow.casehistory;

import de.amtsflow.efile.EFile;
import de.amtsflow.efile.EFileVocabulary;
import de.amtsflow.efile.TimelineEntry;
import de.amtsflow.efile.TimelineSource;
import de.amtsflow.security.EngineAsSystem;
import de.amtsflow.tenant.TenantScope;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ActivityTypes;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.variable.value.ObjectValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.springframework.stereotype.Component;

/**
 * The engine's history of the case an e-file documents: every process instance whose business key
 * is the e-file's Aktenzeichen, read as the calling user (the request's Camunda authentication, no
 * bypass), so an instance whose history the caller may not read stays out and is counted as
 * withheld.
 */
@Component
class ProcessTimelineSource implements TimelineSource {

  static final String PROCESS_STARTED = "PROCESS_STARTED";
  static final String TASK_COMPLETED = "TASK_COMPLETED";
  static final String TASK_CANCELLED = "TASK_CANCELLED";
  static final String TASK_OPEN = "TASK_OPEN";
  static final String DEADLINE_PASSED = "DEADLINE_PASSED";
  static final String EVENT = "EVENT";
  static final String PROCESS_ENDED = "PROCESS_ENDED";

  /** How the engine marks a task that was completed, not cancelled. */
  private static final String COMPLETED = "completed";

  private static final Set<String> TIMERS =
      Set.of(ActivityTypes.BOUNDARY_TIMER, ActivityTypes.INTERMEDIATE_EVENT_TIMER);

  /** Events a clerk should see when they occurred: messages, errors, escalations, signals. */
  private static final Set<String> EVENTS =
      Set.of(
          ActivityTypes.BOUNDARY_MESSAGE,
          ActivityTypes.BOUNDARY_SIGNAL,
          ActivityTypes.BOUNDARY_ERROR,
          ActivityTypes.BOUNDARY_ESCALATION,
          ActivityTypes.BOUNDARY_CONDITIONAL,
          ActivityTypes.INTERMEDIATE_EVENT_MESSAGE,
          ActivityTypes.INTERMEDIATE_EVENT_SIGNAL,
          ActivityTypes.INTERMEDIATE_EVENT_CONDITIONAL);

  private final HistoryService history;
  private final EngineAsSystem system;
  private final Map<String, TaskOutcomes> outcomes;
  private final TenantScope tenants;

  ProcessTimelineSource(
      HistoryService history,
      EngineAsSystem system,
      List<TaskOutcomes> outcomes,
      TenantScope tenants) {
    this.history = history;
    this.system = system;
    this.tenants = tenants;
    this.outcomes =
        outcomes.stream().collect(Collectors.toMap(TaskOutcomes::processKey, Function.identity()));
  }

  @Override
  public Part steps(EFile efile) {
    List<HistoricProcessInstance> instances =
        history
            .createHistoricProcessInstanceQuery()
            .processInstanceBusinessKey(efile.fileNumber())
            .orderByProcessInstanceStartTime()
            .asc()
            .list();
    // only whether there is more, never what: the count is all the caller learns. Instances of
    // other authorities (the Gemeinde's own Einvernehmen process) are theirs, not withheld
    boolean everyTenant = tenants.unrestricted();
    Set<String> mine = tenants.current();
    long all =
        system.call(
            () -> {
              var query =
                  history
                      .createHistoricProcessInstanceQuery()
                      .processInstanceBusinessKey(efile.fileNumber());
              if (!everyTenant) {
                if (mine.isEmpty()) {
                  return 0L;
                }
                query.tenantIdIn(mine.toArray(String[]::new));
              }
              return query.count();
            });
    List<TimelineEntry> steps = new ArrayList<>();
    instances.forEach(instance -> steps.addAll(steps(instance)));
    return new Part(steps, all > instances.size());
  }

  private List<TimelineEntry> steps(HistoricProcessInstance instance) {
    String id = instance.getId();
    List<HistoricActivityInstance> activities =
        history
            .createHistoricActivityInstanceQuery()
            .processInstanceId(id)
            .orderByHistoricActivityInstanceStartTime()
            .asc()
            .orderPartiallyByOccurrence()
            .asc()
            .list();
    Map<String, HistoricTaskInstance> tasks =
        history.createHistoricTaskInstanceQuery().processInstanceId(id).list().stream()
            .collect(Collectors.toMap(HistoricTaskInstance::getId, Function.identity()));
    Map<String, String> completers = new HashMap<>();
    history
        .createUserOperationLogQuery()
        .processInstanceId(id)
        .operationType(UserOperationLogEntry.OPERATION_TYPE_COMPLETE)
        .list()
        .forEach(
            e -> {
              if (e.getTaskId() != null && e.getUserId() != null) {
                completers.putIfAbsent(e.getTaskId(), e.getUserId());
              }
            });
    Variables variables = new Variables(id, activities);
    String processName =
        Objects.requireNonNullElse(instance.getProcessDefinitionName(), "Verfahren");

    List<TimelineEntry> steps = new ArrayList<>();
    steps.add(
        new TimelineEntry(
            instance.getStartTime().toInstant(),
            PROCESS_STARTED,
            nameOf(activities, instance.getStartActivityId()).orElse(processName + " begonnen"),
            processName + " begonnen",
            Objects.requireNonNullElse(instance.getStartUserId(), EFileVocabulary.SYSTEM)));
    for (HistoricActivityInstance activity : activities) {
      String type = activity.getActivityType();
      if (ActivityTypes.TASK_USER_TASK.equals(type)) {
        HistoricTaskInstance task = tasks.get(activity.getTaskId());
        if (task != null) {
          steps.add(task(instance, activity, task, completers, variables));
        }
      } else if (fired(activity) && TIMERS.contains(type)) {
        steps.add(
            new TimelineEntry(
                activity.getEndTime().toInstant(),
                DEADLINE_PASSED,
                name(activity),
                null,
                EFileVocabulary.DEADLINE));
      } else if (fired(activity) && EVENTS.contains(type)) {
        steps.add(
            new TimelineEntry(
                activity.getEndTime().toInstant(), EVENT, name(activity), null, null));
      }
    }
    if (instance.getEndTime() != null) {
      steps.add(end(instance, activities, processName));
    }
    // a task stands where it was completed, not where it began
    steps.sort(Comparator.comparing(TimelineEntry::at));
    return steps;
  }

  private TimelineEntry task(
      HistoricProcessInstance instance,
      HistoricActivityInstance activity,
      HistoricTaskInstance task,
      Map<String, String> completers,
      Variables variables) {
    String name = Objects.requireNonNullElse(task.getName(), name(activity));
    if (task.getEndTime() == null) {
      return new TimelineEntry(
          task.getStartTime().toInstant(),
          TASK_OPEN,
          name,
          task.getAssignee() == null ? "offen" : "in Bearbeitung",
          task.getAssignee());
    }
    if (!COMPLETED.equals(task.getDeleteReason())) {
      return new TimelineEntry(
          task.getEndTime().toInstant(),
          TASK_CANCELLED,
          name,
          "entfallen (nicht mehr nötig im Verlauf des Verfahrens)",
          null);
    }
    String outcome =
        Optional.ofNullable(outcomes.get(instance.getProcessDefinitionKey()))
            .flatMap(o -> o.of(task.getTaskDefinitionKey(), variables.at(activity)))
            .orElse(null);
    return new TimelineEntry(
        task.getEndTime().toInstant(),
        TASK_COMPLETED,
        name,
        outcome,
        completers.getOrDefault(task.getId(), task.getAssignee()));
  }

  private TimelineEntry end(
      HistoricProcessInstance instance,
      List<HistoricActivityInstance> activities,
      String processName) {
    Instant at = instance.getEndTime().toInstant();
    if (HistoricProcessInstance.STATE_EXTERNALLY_TERMINATED.equals(instance.getState())) {
      return new TimelineEntry(
          at,
          PROCESS_ENDED,
          processName + " abgebrochen",
          instance.getDeleteReason(),
          EFileVocabulary.SYSTEM);
    }
    return new TimelineEntry(
        at,
        PROCESS_ENDED,
        activities.stream()
            .filter(a -> a.getActivityType().endsWith("EndEvent"))
            .filter(a -> instance.getId().equals(a.getParentActivityInstanceId()))
            .map(HistoricActivityInstance::getActivityName)
            .filter(Objects::nonNull)
            .reduce((first, last) -> last)
            .orElse(processName + " beendet"),
        processName + " beendet",
        EFileVocabulary.SYSTEM);
  }

  /** Occurred: ended, and not cancelled while it waited. */
  private static boolean fired(HistoricActivityInstance activity) {
    return activity.getEndTime() != null && !activity.isCanceled();
  }

  private static String name(HistoricActivityInstance activity) {
    return Objects.requireNonNullElse(activity.getActivityName(), activity.getActivityId());
  }

  private static Optional<String> nameOf(List<HistoricActivityInstance> activities, String id) {
    return activities.stream()
        .filter(a -> a.getActivityId().equals(id))
        .map(HistoricActivityInstance::getActivityName)
        .filter(Objects::nonNull)
        .findFirst();
  }

  /**
   * The variables a task saw when it was completed: the values it set (the engine records each
   * update with the activity instance that made it), over the final values of its enclosing scopes
   * (e.g. the agency of a multi-instance branch).
   */
  private final class Variables {

    private final Map<String, String> parents = new HashMap<>();
    private final Map<String, Map<String, Object>> byScope = new HashMap<>();
    private final Map<String, Map<String, Object>> updates = new HashMap<>();

    Variables(String processInstanceId, List<HistoricActivityInstance> activities) {
      activities.forEach(a -> parents.put(a.getId(), a.getParentActivityInstanceId()));
      for (HistoricVariableInstance variable :
          history
              .createHistoricVariableInstanceQuery()
              .processInstanceIdIn(processInstanceId)
              .disableBinaryFetching()
              .disableCustomObjectDeserialization()
              .list()) {
        byScope
            .computeIfAbsent(variable.getActivityInstanceId(), k -> new HashMap<>())
            .put(variable.getName(), plain(variable.getTypedValue()));
      }
      for (HistoricDetail detail :
          history
              .createHistoricDetailQuery()
              .processInstanceId(processInstanceId)
              .variableUpdates()
              .disableBinaryFetching()
              .disableCustomObjectDeserialization()
              .orderPartiallyByOccurrence()
              .asc()
              .list()) {
        if (detail instanceof HistoricVariableUpdate update
            && update.getActivityInstanceId() != null) {
          updates
              .computeIfAbsent(update.getActivityInstanceId(), k -> new HashMap<>())
              .put(update.getVariableName(), plain(update.getTypedValue()));
        }
      }
    }

    /** Strings, numbers, booleans, dates; serialized objects stay unread (null). */
    private static Object plain(TypedValue value) {
      if (value == null || value instanceof ObjectValue object && !object.isDeserialized()) {
        return null;
      }
      return value.getValue();
    }

    Map<String, Object> at(HistoricActivityInstance activity) {
      List<String> chain = new ArrayList<>();
      for (String scope = activity.getId(); scope != null; scope = parents.get(scope)) {
        chain.add(0, scope);
        if (!parents.containsKey(scope)) {
          break;
        }
      }
      Map<String, Object> seen = new HashMap<>();
      chain.forEach(scope -> seen.putAll(byScope.getOrDefault(scope, Map.of())));
      seen.putAll(updates.getOrDefault(activity.getId(), Map.of()));
      return seen;
    }
  }
}
