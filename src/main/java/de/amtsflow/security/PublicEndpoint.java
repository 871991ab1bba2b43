package de.amtsflow.security;

import org.springframework.http.HttpMethod;

/**
 * An API endpoint open without login (a citizen's or supplier's entry point). A feature declares it
 * as a bean; everything not declared needs authentication.
 */
public record PublicEndpoint(HttpMethod method, String pattern) {}
