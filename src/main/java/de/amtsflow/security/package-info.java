/**
 * One identity for everything: Camunda's identity service holds users and groups; Tasklist, the
 * engine REST API and our {@code /api/**} authenticate against it, and the engine sees the same
 * user for its authorization checks. Never imports a feature module.
 */
package de.amtsflow.security;
