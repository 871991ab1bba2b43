/**
 * Cross-cutting web concerns: the one place that turns exceptions into RFC 9457 problem responses.
 * Never imports a feature module; features throw {@link org.springframework.web.ErrorResponse}
 * exceptions that carry their own problem.
 */
package de.amtsflow.web;
