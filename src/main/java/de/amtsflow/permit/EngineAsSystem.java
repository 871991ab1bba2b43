package de.amtsflow.permit;

import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Runs engine calls the permit API makes on the citizen's behalf (start the process, correlate the
 * documents, read its deadlines) without the caller's Camunda authorizations: a clerk entering a
 * paper application acts as the intake, not with their own engine permissions.
 */
@Component
class EngineAsSystem {

  private final IdentityService identity;

  EngineAsSystem(IdentityService identity) {
    this.identity = identity;
  }

  <T> T call(Supplier<T> call) {
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
