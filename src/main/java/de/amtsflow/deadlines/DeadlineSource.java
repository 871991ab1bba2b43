package de.amtsflow.deadlines;

import java.time.LocalDate;
import java.util.List;

/**
 * A feature's running periods. Implementations query the engine as the current user (the request's
 * Camunda authentication), so the engine's authorization checks decide which cases appear.
 */
public interface DeadlineSource {

  List<Deadline> running(LocalDate today);
}
