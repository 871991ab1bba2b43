package de.amtsflow.bench.vanilla;

import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Starts a case from a JSON object whose fields become process variables, as an intake endpoint
 * does; a Spring MVC controller like amtsflow's, not the engine's Jersey REST API, so both sides
 * pay the same web stack. Answers when the case waits at its user task.
 */
@RestController
class CaseController {

  private final RuntimeService runtime;

  CaseController(RuntimeService runtime) {
    this.runtime = runtime;
  }

  @PostMapping(path = "/api/cases", consumes = "application/json")
  ResponseEntity<Map<String, String>> start(@RequestBody Map<String, Object> variables) {
    String businessKey = UUID.randomUUID().toString();
    ProcessInstance instance =
        runtime
            .createProcessInstanceByKey(VanillaProcess.KEY)
            .businessKey(businessKey)
            .setVariables(variables)
            .execute();
    return ResponseEntity.status(HttpStatus.CREATED)
        .body(Map.of("processInstanceId", instance.getId(), "businessKey", businessKey));
  }
}
