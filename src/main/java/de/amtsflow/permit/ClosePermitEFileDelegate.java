package de.amtsflow.permit;

import de.amtsflow.efile.EFileStatus;
import de.amtsflow.efile.EFileStore;
import java.time.Clock;
import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "E-Akte schließen": a granted permit's file is kept long (it documents what may stand there), a
 * refused or withdrawn one shorter; both counted from the end of the calendar year.
 */
@Component
class ClosePermitEFileDelegate implements JavaDelegate {

  private final PermitCases cases;
  private final EFileStore efiles;
  private final PermitProperties properties;
  private final Clock clock;

  ClosePermitEFileDelegate(
      PermitCases cases, EFileStore efiles, PermitProperties properties, Clock clock) {
    this.cases = cases;
    this.efiles = efiles;
    this.properties = properties;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    PermitApplicationEntity application = cases.get(PermitVariables.applicationId(execution));
    if (efiles.get(application.efileId).status() == EFileStatus.CLOSED) {
      return;
    }
    boolean granted =
        application.status == PermitStatus.APPROVED
            || application.status == PermitStatus.APPROVAL_FICTION;
    int years = granted ? properties.retentionYearsGranted() : properties.retentionYearsOther();
    efiles.close(
        application.efileId,
        LocalDate.of(LocalDate.now(clock).getYear() + years, 12, 31),
        PermitLetters.ACTOR);
  }
}
