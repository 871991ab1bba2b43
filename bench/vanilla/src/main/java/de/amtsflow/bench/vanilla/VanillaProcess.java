package de.amtsflow.bench.vanilla;

/** Names in bpmn/vanilla-case.bpmn. */
final class VanillaProcess {

  static final String KEY = "VanillaCaseProcess";

  /** Set by {@link RecordReceiptDelegate}. */
  static final String VAR_RECEIVED_AT = "receivedAt";

  private VanillaProcess() {}
}
