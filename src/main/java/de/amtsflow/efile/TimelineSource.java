package de.amtsflow.efile;

import java.util.List;

/**
 * Contributes steps to an e-file's history ({@code GET /api/efiles/{id}/timeline}) from records
 * outside the e-file, e.g. the process engine's history of the case. Called on the request of a
 * user who may read the e-file; an implementation reads with that user's permissions and says when
 * it withheld steps the user may not see.
 */
public interface TimelineSource {

  Part steps(EFile efile);

  /**
   * @param steps what the caller may see
   * @param withheld whether there are steps the caller may not see
   */
  record Part(List<TimelineEntry> steps, boolean withheld) {}
}
