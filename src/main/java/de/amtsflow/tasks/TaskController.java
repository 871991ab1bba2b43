package de.amtsflow.tasks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.amtsflow.web.FieldProblems;
import de.amtsflow.web.FieldProblems.FieldError;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.net.URI;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
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

  TaskController(
      TaskService taskService,
      List<TaskCompletion<?>> completions,
      ObjectMapper json,
      Validator validator) {
    this.taskService = taskService;
    this.completions = completions;
    this.json = json;
    this.validator = validator;
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

  @GetMapping
  @Operation(summary = "Tasks assigned to me or open to one of my groups")
  List<TaskView> mine(Authentication user) {
    List<String> groups =
        user.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
    var query = taskService.createTaskQuery().active().or().taskAssignee(user.getName());
    if (!groups.isEmpty()) {
      query = query.taskCandidateGroupIn(groups);
    }
    return query.endOr().initializeFormKeys().orderByTaskCreateTime().asc().list().stream()
        .map(this::viewIfStillOpen)
        .flatMap(Optional::stream)
        .toList();
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
    return new TaskView(
        task.getId(),
        task.getTaskDefinitionKey(),
        task.getName(),
        task.getProcessInstanceId(),
        businessKey(task),
        task.getAssignee(),
        task.getPriority(),
        instant(task.getCreateTime()),
        instant(task.getDueDate()),
        taskService.getVariables(task.getId()));
  }

  // A task listed a moment ago may be completed (its process moved on) before its variables are
  // read: leave it out of the list rather than failing the clerk's whole list with a 500.
  private Optional<TaskView> viewIfStillOpen(Task task) {
    try {
      return Optional.of(view(task));
    } catch (RuntimeException e) {
      if (taskService.createTaskQuery().taskId(task.getId()).count() == 0) {
        return Optional.empty();
      }
      throw e;
    }
  }

  private String businessKey(Task task) {
    Object key = taskService.getVariable(task.getId(), "fileNumber");
    return key == null ? null : key.toString();
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
