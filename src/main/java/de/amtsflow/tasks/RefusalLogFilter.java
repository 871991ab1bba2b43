package de.amtsflow.tasks;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

/**
 * A refused completion (four-eyes rule, a missing reason) is an ordinary answer to a clerk, not an
 * error of the platform: the engine would log each as ERROR "ENGINE-16004 Exception while closing
 * command context" with a stack trace, and operators' alerts would fire on clerks' everyday
 * mistakes. This drops the engine's log events whose exception is a {@link TaskRuleViolation} and
 * logs one INFO line with the rule instead. Any other exception is logged as before.
 */
@Component
class RefusalLogFilter extends TurboFilter implements InitializingBean {

  private static final Logger log = LoggerFactory.getLogger(RefusalLogFilter.class);

  @Override
  public void afterPropertiesSet() {
    if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context
        && context.getTurboFilterList().stream().noneMatch(RefusalLogFilter.class::isInstance)) {
      setName("amtsflow-task-refusals");
      start();
      context.addTurboFilter(this);
    }
  }

  @Override
  public FilterReply decide(
      Marker marker,
      ch.qos.logback.classic.Logger logger,
      Level level,
      String format,
      Object[] params,
      Throwable thrown) {
    if (!logger.getName().startsWith("org.camunda.bpm")) {
      return FilterReply.NEUTRAL;
    }
    TaskRuleViolation violation = violation(thrown, params);
    TaskRuleViolation recorded = TaskRuleViolation.recordedInThisThread();
    if (violation == null && level.isGreaterOrEqual(Level.WARN)) {
      // the engine REST API logs the wrapped refusal as text, without the exception: the request
      // that recorded the violation (TaskRefusalFilter) knows it
      violation = recorded;
    }
    if (violation == null) {
      return FilterReply.NEUTRAL;
    }
    // one INFO line per refusal: TaskRefusalFilter logs those it records (engine REST, Tasklist)
    if (recorded == null && level.isGreaterOrEqual(Level.ERROR)) {
      log.info("task completion refused ({}): {}", violation.rule(), violation.getMessage());
    }
    return FilterReply.DENY;
  }

  private static TaskRuleViolation violation(Throwable thrown, Object[] params) {
    Throwable candidate = thrown;
    if (candidate == null && params != null) {
      for (Object param : params) {
        if (param instanceof Throwable t) {
          candidate = t;
        }
      }
    }
    for (int depth = 0; candidate != null && depth < 20; depth++) {
      if (candidate instanceof TaskRuleViolation violation) {
        return violation;
      }
      candidate = candidate.getCause();
    }
    return null;
  }
}
