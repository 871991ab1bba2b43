package de.amtsflow.config;

/**
 * Work the first request would otherwise wait for (compiling rule sets and stylesheets, loading
 * fonts, rehearsing an intake), done by {@link WarmUps} after start-up and before the node reports
 * ready. A module declares one as a bean. A warm-up that fails is logged; the first request then
 * does the work itself.
 *
 * @param name for the log: what is warmed up
 */
public record WarmUp(String name, Runnable work) {}
