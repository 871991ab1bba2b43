package de.amtsflow.invoice;

import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Lesbare Fassung ablegen": the invoice's readable PDF rendering goes into its e-file. */
@Component
class FileRenderingDelegate implements JavaDelegate {

  private final InvoiceRendering rendering;

  FileRenderingDelegate(InvoiceRendering rendering) {
    this.rendering = rendering;
  }

  @Override
  public void execute(DelegateExecution execution) throws Exception {
    rendering.file(UUID.fromString((String) execution.getVariable(InvoiceProcess.Var.INVOICE_ID)));
  }
}
