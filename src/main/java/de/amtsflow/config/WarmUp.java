package de.amtsflow.config;

/**
 * Work the first request would otherwise wait for (compiling rule sets and stylesheets, loading
 * fonts), done by {@link WarmUps} after start-up and before the node reports ready. A warm-up that
 * fails is logged; the first request then does the work itself.
 */
public interface WarmUp {

  /** For the log: what is warmed up. */
  String name();

  void warmUp();
}
