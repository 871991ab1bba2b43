package de.amtsflow.casehistory;

import java.util.Map;
import java.util.Optional;

/**
 * A feature's words for what its user tasks decided, for the case history ("vollständig",
 * "Einvernehmen erteilt", "abgelehnt – Begründung: …"). One bean per process.
 */
public interface TaskOutcomes {

  /** The process definition key this bean describes. */
  String processKey();

  /**
   * The outcome of a completed task in German, empty when there is none worth naming.
   *
   * @param variables the variables as the task saw them at its completion: those it set, over those
   *     of its enclosing scopes
   */
  Optional<String> of(String taskKey, Map<String, Object> variables);
}
