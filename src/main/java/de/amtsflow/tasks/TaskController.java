package de.amtsflow.tasks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.amtsflow.security.EngineAsSystem;
import de.amtsflow.web.FieldProblems;
import de.amtsflow.web.FieldProblems.FieldError;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** My tasks over REST, with the same engine rules as Tasklist. */
@RestController
@RequestMapping("/api/tasks")
@Tag(name = "Aufgaben", description = "User tasks for non-Tasklist clients")
class TaskController {

  private final TaskService taskService;
  private final List<TaskCompletion<?>> completions;
  private final ObjectMapper json;
  private final Validator validator;
  private final RuntimeService runtimeService;
  private final EngineAsSystem system;
  private final Clock clock;

  static final int DEFAULT_PAGE_SIZE = 50;
  static final int MAX_PAGE_SIZE = 200;

  TaskController(
      TaskService taskService,
      List<TaskCompletion<?>> completions,
      ObjectMapper json,
      Validator validator,
      RuntimeService runtimeService,
      EngineAsSystem system,
      Clock clock) {
    this.taskService = taskService;
    this.completions = completions;
    this.json = json;
    this.validator = validator;
    this.runtimeService = runtimeService;
    this.system = system;
    this.clock = clock;
  }

  record TaskView(
      String id,
      String taskKey,
      String name,
      String processInstanceId,
      String businessKey,
      String assignee,
      int priority,
      Instant created,
      Instant due,
      Map<String, Object> variables) {}

  record Completed(String id, String taskKey, String processInstanceId) {}

  /** One page of a task list, with the number of tasks on all pages. */
  record TaskPage(List<TaskView> items, int page, int size, long total) {}

  /** How a list is sorted: by creation or due date, ascending or (with "-") descending. */
  static final List<String> SORTS = List.of("created", "-created", "due", "-due");

  @GetMapping
  @Operation(
      summary = "Tasks assigned to me or open to one of my groups, a page at a time",
      description =
          "Sorted by creation (default) or due date; filtered by process, task, Aktenzeichen or"
              + " due date. Each task carries the variables its card shows (Aktenzeichen,"
              + " applicant or supplier and amount) and the case's id; GET /api/tasks/{id} has"
              + " all of a task's variables.")
  TaskPage mine(
      Authentication user,
      @Parameter(description = "page number, from 0") @RequestParam(defaultValue = "0") int page,
      @Parameter(description = "tasks per page, 1 to " + MAX_PAGE_SIZE)
          @RequestParam(defaultValue = "" + DEFAULT_PAGE_SIZE)
          int size,
      @Parameter(description = "created, -created, due or -due")
          @RequestParam(defaultValue = "created")
          String sort,
      @Parameter(description = "process definition key, e.g. BuildingPermitProcess")
          @RequestParam(required = false)
          String processKey,
      @Parameter(description = "task definition key, e.g. Task_CheckCompleteness")
          @RequestParam(required = false)
          String taskKey,
      @Parameter(description = "Aktenzeichen of the case") @RequestParam(required = false)
          String fileNumber,
      @Parameter(description = "only tasks due on or before this day (overdue included)")
          @RequestParam(required = false)
          java.time.LocalDate dueBy) {
    List<FieldError> errors = new java.util.ArrayList<>();
    if (page < 0 || (long) page * size > Integer.MAX_VALUE) {
      errors.add(new FieldError("page", "Die Seite muss 0 oder größer sein (und nicht zu groß)."));
    }
    if (size < 1 || size > MAX_PAGE_SIZE) {
      errors.add(
          new FieldError(
              "size", "Die Seitengröße muss zwischen 1 und " + MAX_PAGE_SIZE + " liegen."));
    }
    if (!SORTS.contains(sort)) {
      errors.add(new FieldError("sort", "Sortierung: " + String.join(", ", SORTS) + "."));
    }
    if (!errors.isEmpty()) {
      throw FieldProblems.invalid(errors);
    }
    TaskQuery query = mineQuery(user);
    if (processKey != null) {
      query.processDefinitionKey(processKey);
    }
    if (taskKey != null) {
      query.taskDefinitionKey(taskKey);
    }
    if (fileNumber != null) {
      query.processInstanceBusinessKey(fileNumber);
    }
    if (dueBy != null) {
      query.dueBefore(Date.from(dueBy.plusDays(1).atStartOfDay(clock.getZone()).toInstant()));
    }
    long total = query.count();
    boolean descending = sort.startsWith("-");
    if (sort.endsWith("due")) {
      query.orderByDueDate();
    } else {
      query.orderByTaskCreateTime();
    }
    if (descending) {
      query.desc();
    } else {
      query.asc();
    }
    // a stable order within equal dates, so pages neither skip nor repeat a task
    query.orderByTaskId().asc();
    List<Task> tasks = query.listPage(page * size, size);
    Map<String, Map<String, Object>> cards = cardVariables(tasks);
    List<TaskView> items =
        tasks.stream()
            .map(t -> view(t, cards.getOrDefault(t.getProcessInstanceId(), Map.of())))
            .toList();
    return new TaskPage(items, page, size, total);
  }

  @GetMapping("/{id}")
  @Operation(summary = "One of my tasks with all its variables")
  TaskView one(@PathVariable String id) {
    return view(task(id));
  }

  private TaskQuery mineQuery(Authentication user) {
    List<String> groups =
        user.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
    TaskQuery query = taskService.createTaskQuery().active().or().taskAssignee(user.getName());
    if (!groups.isEmpty()) {
      query = query.taskCandidateGroupIn(groups);
    }
    return query.endOr();
  }

  /**
   * The listed variables of the page's cases in one query instead of two a task. The tasks were
   * listed under the caller's authorizations; their cases' card values are part of what the caller
   * may see of them, so the read itself runs as the system.
   */
  private Map<String, Map<String, Object>> cardVariables(List<Task> tasks) {
    if (tasks.isEmpty()) {
      return Map.of();
    }
    String[] instances =
        tasks.stream().map(Task::getProcessInstanceId).distinct().toArray(String[]::new);
    List<VariableInstance> values =
        system.call(
            () ->
                runtimeService
                    .createVariableInstanceQuery()
                    .processInstanceIdIn(instances)
                    .variableNameIn(TaskCards.LISTED.toArray(String[]::new))
                    .disableCustomObjectDeserialization()
                    .list());
    Map<String, Map<String, Object>> cards = new java.util.HashMap<>();
    for (VariableInstance v : values) {
      // process-level values only: a task's local variable of the same name is not the case's
      if (v.getProcessInstanceId().equals(v.getExecutionId()) && v.getValue() != null) {
        cards
            .computeIfAbsent(v.getProcessInstanceId(), k -> new java.util.TreeMap<>())
            .put(v.getName(), v.getValue());
      }
    }
    return cards;
  }

  @PostMapping("/{id}/claim")
  TaskView claim(@PathVariable String id, Authentication user) {
    Task task = task(id);
    if (task.getAssignee() != null && !task.getAssignee().equals(user.getName())) {
      throw conflict(
          "task-claimed", "Die Aufgabe ist bereits " + task.getAssignee() + " zugewiesen.");
    }
    engine(() -> taskService.claim(id, user.getName()));
    return view(task(id));
  }

  @PostMapping("/{id}/complete")
  @Operation(summary = "Complete a task with its typed payload (decision, reason, ...)")
  Completed complete(@PathVariable String id, @RequestBody JsonNode body, Authentication user) {
    Task task = task(id);
    if (task.getAssignee() != null && !task.getAssignee().equals(user.getName())) {
      throw conflict("task-claimed", "Die Aufgabe ist " + task.getAssignee() + " zugewiesen.");
    }
    TaskCompletion<?> completion =
        completions.stream()
            .filter(c -> c.taskKeys().contains(task.getTaskDefinitionKey()))
            .findFirst()
            .orElseThrow(
                () ->
                    conflict(
                        "no-rest-completion",
                        "Diese Aufgabe kann nur in der Tasklist erledigt werden."));
    Map<String, Object> variables = variables(completion, task.getTaskDefinitionKey(), body);
    engine(
        () -> {
          if (task.getAssignee() == null) {
            taskService.claim(id, user.getName());
          }
          taskService.complete(id, variables);
        });
    return new Completed(task.getId(), task.getTaskDefinitionKey(), task.getProcessInstanceId());
  }

  private <P> Map<String, Object> variables(
      TaskCompletion<P> completion, String taskKey, JsonNode body) {
    P payload;
    try {
      payload = json.treeToValue(body, completion.payloadType());
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw FieldProblems.invalid(
          List.of(new FieldError("body", "Ungültige Angaben für diese Aufgabe.")));
    }
    Set<ConstraintViolation<P>> violations = validator.validate(payload);
    if (!violations.isEmpty()) {
      throw FieldProblems.invalid(
          violations.stream()
              .map(v -> new FieldError(v.getPropertyPath().toString(), v.getMessage()))
              .toList());
    }
    return completion.variables(taskKey, payload);
  }

  private void engine(Runnable call) {
    try {
      call.run();
    } catch (AuthorizationException e) {
      throw new ErrorResponseException(
          HttpStatus.FORBIDDEN,
          problem(HttpStatus.FORBIDDEN, "forbidden", "Keine Berechtigung für diese Aufgabe."),
          e);
    } catch (RuntimeException e) {
      TaskRuleViolation violation = ruleViolation(e);
      if (violation == null) {
        throw e;
      }
      ProblemDetail problem =
          problem(HttpStatus.CONFLICT, "task-rule-violated", violation.getMessage());
      problem.setProperty("rule", violation.rule());
      throw new ErrorResponseException(HttpStatus.CONFLICT, problem, e);
    }
  }

  private static TaskRuleViolation ruleViolation(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof TaskRuleViolation v) {
        return v;
      }
    }
    return null;
  }

  private Task task(String id) {
    Task task = taskService.createTaskQuery().taskId(id).initializeFormKeys().singleResult();
    if (task == null) {
      throw new ErrorResponseException(
          HttpStatus.NOT_FOUND,
          problem(HttpStatus.NOT_FOUND, "task-not-found", "Die Aufgabe gibt es nicht (mehr)."),
          null);
    }
    return task;
  }

  private TaskView view(Task task) {
    Map<String, Object> variables = new java.util.HashMap<>();
    engine(() -> variables.putAll(taskService.getVariables(task.getId())));
    return view(task, variables);
  }

  private static TaskView view(Task task, Map<String, Object> variables) {
    Object fileNumber = variables.get(TaskCards.FILE_NUMBER);
    return new TaskView(
        task.getId(),
        task.getTaskDefinitionKey(),
        task.getName(),
        task.getProcessInstanceId(),
        fileNumber == null ? null : fileNumber.toString(),
        task.getAssignee(),
        task.getPriority(),
        instant(task.getCreateTime()),
        instant(task.getDueDate()),
        variables);
  }

  private static Instant instant(Date date) {
    return date == null ? null : date.toInstant();
  }

  private static ErrorResponseException conflict(String code, String message) {
    return new ErrorResponseException(
        HttpStatus.CONFLICT, problem(HttpStatus.CONFLICT, code, message), null);
  }

  private static ProblemDetail problem(HttpStatus status, String code, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setType(URI.create("urn:amtsflow:problem:" + code));
    problem.setTitle(status == HttpStatus.CONFLICT ? "Nicht möglich" : status.getReasonPhrase());
    problem.setProperty("code", code);
    return problem;
  }
}
