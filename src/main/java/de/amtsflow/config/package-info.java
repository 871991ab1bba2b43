/**
 * Cross-cutting configuration: time source, deployment of the process owners' models. Never imports
 * a feature module.
 */
package de.amtsflow.config;
