package de.amtsflow.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Tenant;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Hands the authenticated user to the engine for the request, so Camunda's authorization checks
 * apply to the engine REST API and to our own endpoints alike. Without it the engine would see no
 * user and skip its checks. The user's tenants go with it: Camunda's tenant check then limits every
 * engine read to the user's authorities.
 */
class CamundaAuthenticationBridgeFilter extends OncePerRequestFilter {

  private final IdentityService identityService;

  CamundaAuthenticationBridgeFilter(IdentityService identityService) {
    this.identityService = identityService;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    if (auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken) {
      chain.doFilter(request, response);
      return;
    }
    List<String> groups =
        auth.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
    // the user's authorities (Camunda tenants): the engine's tenant check and our own tables'
    // reads (TenantScope) show only their data
    List<String> tenants =
        identityService
            .createTenantQuery()
            .userMember(auth.getName())
            .includingGroupsOfUser(true)
            .list()
            .stream()
            .map(Tenant::getId)
            .toList();
    identityService.setAuthentication(auth.getName(), groups, tenants);
    try {
      chain.doFilter(request, response);
    } finally {
      identityService.clearAuthentication();
    }
  }
}
