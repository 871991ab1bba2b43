package de.amtsflow.invoice;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

@Component
class CloseInvoiceEFileDelegate implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    throw new UnsupportedOperationException("not yet implemented");
  }
}
