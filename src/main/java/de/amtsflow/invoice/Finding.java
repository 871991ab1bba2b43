package de.amtsflow.invoice;

import de.amtsflow.invoice.Scenario.Level;

/** A finding of one validation step, before it is sorted into errors and warnings. */
record Finding(
    String step, String rule, Level level, String flag, String message, String location) {

  RuleViolation toViolation() {
    return new RuleViolation(rule, message, location);
  }
}
