package de.amtsflow.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may call what. Machine APIs ({@code /api/**}, {@code /engine-rest/**}) use HTTP Basic against
 * Camunda's identity service and keep no session; the Camunda webapps keep their own login, CSRF
 * protection and session, which also opens GET requests under {@code /api} (what task forms link
 * to) for the logged-in clerk. Public citizen and supplier entry points are listed here, and
 * nothing else is open.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

  /** What the citizen, supplier and e-file pages may load: only their own files. */
  static final String PAGES_CSP =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
          + " connect-src 'self'; form-action 'self'; base-uri 'self'; frame-ancestors 'self';"
          + " object-src 'none'";

  @Bean
  AuthenticationManager authenticationManager(IdentityService identityService) {
    ProviderManager manager =
        new ProviderManager(new CamundaIdentityAuthenticationProvider(identityService));
    manager.setEraseCredentialsAfterAuthentication(true);
    return manager;
  }

  @Bean
  @Order(1)
  SecurityFilterChain apiChain(
      HttpSecurity http,
      AuthenticationManager authenticationManager,
      IdentityService identityService,
      ProcessEngine engine,
      ObjectMapper json,
      List<PublicEndpoint> publicEndpoints)
      throws Exception {
    // explicit path matchers: /engine-rest is Jersey, not Spring MVC, so MVC matchers miss it
    http.securityMatcher(
            new OrRequestMatcher(path("/api/**"), path("/engine-rest/**"), path("/actuator/**")))
        .authenticationManager(authenticationManager)
        .authorizeHttpRequests(
            auth -> {
              auth.requestMatchers(
                      path(HttpMethod.GET, "/actuator/health/**"),
                      path(HttpMethod.GET, "/actuator/info"))
                  .permitAll();
              publicEndpoints.forEach(
                  p -> auth.requestMatchers(path(p.method(), p.pattern())).permitAll());
              auth.anyRequest().authenticated();
            })
        .httpBasic(basic -> basic.authenticationEntryPoint(ProblemResponses.unauthorized(json)))
        .exceptionHandling(
            ex ->
                ex.authenticationEntryPoint(ProblemResponses.unauthorized(json))
                    .accessDeniedHandler(ProblemResponses.forbidden(json)))
        // stateless Basic auth: no cookie, so no CSRF exposure
        .csrf(csrf -> csrf.disable())
        // no session of its own; the webapps' session (read below) is theirs to manage: changing
        // its id here (session-fixation protection) would log Tasklist out of its requests
        .sessionManagement(
            s ->
                s.sessionCreationPolicy(SessionCreationPolicy.STATELESS)
                    .sessionFixation(fixation -> fixation.none()))
        // reads by a clerk logged into Tasklist (links in task forms) use that login
        .addFilterBefore(
            new WebappSessionAuthenticationFilter(engine.getName()),
            BasicAuthenticationFilter.class)
        .addFilterAfter(
            new CamundaAuthenticationBridgeFilter(identityService),
            BasicAuthenticationFilter.class);
    return http.build();
  }

  @Bean
  @Order(2)
  SecurityFilterChain webChain(
      HttpSecurity http, AuthenticationManager authenticationManager, ObjectMapper json)
      throws Exception {
    http.authenticationManager(authenticationManager)
        .authorizeHttpRequests(
            auth ->
                auth
                    // the Camunda webapps authenticate themselves (login page, session, CSRF)
                    .requestMatchers(path("/camunda/**"), path("/camunda-welcome/**"))
                    .permitAll()
                    .requestMatchers(
                        path("/"),
                        path("/index.html"),
                        // the citizen and supplier pages (they hold no data; the API checks)
                        path("/*.html"),
                        path("/favicon.ico"),
                        path("/error"),
                        path("/assets/**"),
                        path("/css/**"),
                        path("/js/**"))
                    .permitAll()
                    .requestMatchers(
                        path("/swagger-ui.html"), path("/swagger-ui/**"), path("/v3/api-docs/**"))
                    .permitAll()
                    .anyRequest()
                    .authenticated())
        // no Basic challenge on browser paths: Tasklist's first-visit check must not make the
        // browser show its own login dialog over Tasklist's login page
        .httpBasic(
            basic -> basic.authenticationEntryPoint(ProblemResponses.unauthorized(json, false)))
        .exceptionHandling(
            ex -> ex.authenticationEntryPoint(ProblemResponses.unauthorized(json, false)))
        .csrf(csrf -> csrf.ignoringRequestMatchers(path("/camunda/**")))
        // Tasklist renders forms in frames of its own origin; our own pages load nothing from
        // elsewhere and run no inline script (the webapps set their own policy)
        .headers(
            headers ->
                headers
                    .frameOptions(frame -> frame.sameOrigin())
                    .addHeaderWriter(
                        new DelegatingRequestMatcherHeaderWriter(
                            new OrRequestMatcher(path("/"), path("/*.html")),
                            new StaticHeadersWriter("Content-Security-Policy", PAGES_CSP))));
    return http.build();
  }

  private static RequestMatcher path(String pattern) {
    return PathPatternRequestMatcher.withDefaults().matcher(pattern);
  }

  private static RequestMatcher path(HttpMethod method, String pattern) {
    return PathPatternRequestMatcher.withDefaults().matcher(method, pattern);
  }
}
