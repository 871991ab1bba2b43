package de.amtsflow.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.List;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets a clerk logged into Tasklist open what a task form links to (the e-file's documents, the
 * original invoice, its readable rendering) with that login: a GET under {@code /api} without
 * credentials is authenticated as the user of the Camunda webapps' session, with the groups the
 * webapps hold for them. Reads only: anything that changes data still needs its own credentials, so
 * the session cookie cannot be used to forge a write (no CSRF exposure).
 */
class WebappSessionAuthenticationFilter extends OncePerRequestFilter {

  private final String engineName;

  WebappSessionAuthenticationFilter(String engineName) {
    this.engineName = engineName;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    UserAuthentication user = sessionUser(request);
    if (user == null) {
      chain.doFilter(request, response);
      return;
    }
    List<SimpleGrantedAuthority> groups =
        user.getGroupIds() == null
            ? List.of()
            : user.getGroupIds().stream().map(SimpleGrantedAuthority::new).toList();
    SecurityContext context = SecurityContextHolder.createEmptyContext();
    context.setAuthentication(
        UsernamePasswordAuthenticationToken.authenticated(user.getName(), null, groups));
    SecurityContextHolder.setContext(context);
    try {
      chain.doFilter(request, response);
    } finally {
      SecurityContextHolder.clearContext();
    }
  }

  private UserAuthentication sessionUser(HttpServletRequest request) {
    boolean read = "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
    boolean api = request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    if (!read || !api || request.getHeader(HttpHeaders.AUTHORIZATION) != null) {
      return null;
    }
    HttpSession session = request.getSession(false);
    if (session == null) {
      return null;
    }
    Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
    Authentication auth =
        authentications == null
            ? null
            : authentications.getAuthenticationForProcessEngine(engineName);
    return auth instanceof UserAuthentication user ? user : null;
  }
}
