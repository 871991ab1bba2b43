package de.amtsflow.security;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.identity.IdentityProviderException;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * Checks HTTP Basic credentials against Camunda's identity service (which also throttles repeated
 * failures) and grants the user's Camunda groups as authorities.
 */
class CamundaIdentityAuthenticationProvider implements AuthenticationProvider {

  private final IdentityService identityService;

  CamundaIdentityAuthenticationProvider(IdentityService identityService) {
    this.identityService = identityService;
  }

  @Override
  public Authentication authenticate(Authentication authentication) {
    String userId = authentication.getName();
    Object credentials = authentication.getCredentials();
    try {
      if (userId == null
          || userId.isBlank()
          || credentials == null
          || !identityService.checkPassword(userId, credentials.toString())) {
        throw new BadCredentialsException("bad credentials");
      }
      List<SimpleGrantedAuthority> groups =
          identityService.createGroupQuery().groupMember(userId).list().stream()
              .map(Group::getId)
              .map(SimpleGrantedAuthority::new)
              .toList();
      return UsernamePasswordAuthenticationToken.authenticated(userId, null, groups);
    } catch (IdentityProviderException e) {
      // an LDAP directory that cannot be reached: answered 503, not as a wrong password
      throw new AuthenticationServiceException("the identity provider failed", e);
    }
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }
}
