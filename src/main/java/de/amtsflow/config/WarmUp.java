package de.amtsflow.config;

/**
 * Work the first request would otherwise wait for (compiling rule sets and stylesheets, loading
 * fonts, rehearsing an intake), done by {@link WarmUps} after start-up. A module declares one as a
 * bean. A warm-up that fails is logged; the first request then does the work itself.
 *
 * @param name for the log: what is warmed up
 * @param beforeReadiness whether the node reports ready only after it: true for what a request
 *     waits for; false for what only asynchronous work or a rarely opened view needs, which then
 *     goes on after readiness
 */
public record WarmUp(String name, boolean beforeReadiness, Runnable work) {

  /** Readiness waits for it. */
  public static WarmUp beforeReadiness(String name, Runnable work) {
    return new WarmUp(name, true, work);
  }

  /** Readiness does not wait for it. */
  public static WarmUp inTheBackground(String name, Runnable work) {
    return new WarmUp(name, false, work);
  }
}
