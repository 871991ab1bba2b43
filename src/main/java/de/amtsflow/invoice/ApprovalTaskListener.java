package de.amtsflow.invoice;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

@Component
class ApprovalTaskListener implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    throw new UnsupportedOperationException("not yet implemented");
  }
}
