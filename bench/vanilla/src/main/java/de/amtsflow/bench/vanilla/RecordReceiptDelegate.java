package de.amtsflow.bench.vanilla;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The synchronous service task between start and user task: one variable written. */
@Component
class RecordReceiptDelegate implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariable(VanillaProcess.VAR_RECEIVED_AT, new Date());
  }
}
