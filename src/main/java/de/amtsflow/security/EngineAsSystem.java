package de.amtsflow.security;

import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Runs engine calls a public entry point makes on the citizen's or supplier's behalf (start the
 * process, correlate documents, read its deadlines) without the caller's Camunda authorizations: a
 * clerk entering a paper application or invoice acts as the intake, not with their own engine
 * permissions (which need not include starting the process).
 */
@Component
public class EngineAsSystem {

  private final IdentityService identity;

  EngineAsSystem(IdentityService identity) {
    this.identity = identity;
  }

  public <T> T call(Supplier<T> call) {
    Authentication caller = identity.getCurrentAuthentication();
    identity.clearAuthentication();
    try {
      return call.get();
    } finally {
      if (caller != null) {
        identity.setAuthentication(caller);
      }
    }
  }
}
