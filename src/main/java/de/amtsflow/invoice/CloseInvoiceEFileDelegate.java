package de.amtsflow.invoice;

import de.amtsflow.efile.EFileStatus;
import de.amtsflow.efile.EFileStore;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "E-Akte schließen": a valid invoice's readable rendering is filed if the task beside the approval
 * did not get to it (the approval's end terminates that branch), then the retention period (§ 147
 * AO: 8 years for accounting vouchers) runs from the end of the calendar year, so the e-file is
 * kept until 31 December of year + 8.
 */
@Component
class CloseInvoiceEFileDelegate implements JavaDelegate {

  private final EFileStore efiles;
  private final InvoiceRendering rendering;
  private final InvoiceProperties properties;
  private final Clock clock;

  CloseInvoiceEFileDelegate(
      EFileStore efiles, InvoiceRendering rendering, InvoiceProperties properties, Clock clock) {
    this.efiles = efiles;
    this.rendering = rendering;
    this.properties = properties;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) throws IOException {
    UUID efileId = UUID.fromString((String) execution.getVariable(InvoiceProcess.Var.EFILE_ID));
    if (efiles.get(efileId).status() == EFileStatus.CLOSED) {
      return;
    }
    if (Boolean.TRUE.equals(execution.getVariable(InvoiceProcess.Var.VALID))) {
      // files nothing when "Lesbare Fassung ablegen" already did
      rendering.file(
          UUID.fromString((String) execution.getVariable(InvoiceProcess.Var.INVOICE_ID)));
    }
    efiles.close(efileId, keepUntil(LocalDate.now(clock), properties.retentionYears()), "system");
  }

  static LocalDate keepUntil(LocalDate today, int years) {
    return LocalDate.of(today.getYear() + years, 12, 31);
  }
}
