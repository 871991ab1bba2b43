package de.amtsflow.tasks;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Tasklist completes tasks through the engine REST API, which answers a refusal of our task
 * listeners (four-eyes rule, a missing reason, …) as "500 Cannot submit task form …: ENGINE-03051
 * There was an exception while invoking the TaskListener …". This filter answers such a refusal as
 * 409 with the rule's German sentence as the message, in the engine REST API's error shape ({@code
 * type}, {@code message}, {@code code}) plus the {@code rule}, so the clerk reads what to do. Other
 * errors pass unchanged.
 */
class TaskRefusalFilter extends OncePerRequestFilter {

  private static final Logger LOG = LoggerFactory.getLogger(TaskRefusalFilter.class);

  /** Completing a task: the webapps' engine API and the public engine REST API. */
  private static final Pattern COMPLETION =
      Pattern.compile(
          "(/camunda/api/engine/engine/[^/]+|/engine-rest(/engine/[^/]+)?)"
              + "/task/[^/]+/(submit-form|complete)");

  private final ObjectMapper json;

  TaskRefusalFilter(ObjectMapper json) {
    this.json = json;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return !"POST".equals(request.getMethod()) || !COMPLETION.matcher(path).matches();
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    ContentCachingResponseWrapper buffered = new ContentCachingResponseWrapper(response);
    TaskRuleViolation violation;
    try {
      violation = TaskRuleViolation.recordDuring(() -> chain.doFilter(request, buffered));
    } catch (IOException | ServletException | RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new ServletException(e);
    }
    if (violation != null && buffered.getStatus() >= 500) {
      LOG.info("task completion refused by rule {}: {}", violation.rule(), violation.getMessage());
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("type", "TaskRuleViolation");
      body.put("message", violation.getMessage());
      body.put("code", null);
      body.put("rule", violation.rule());
      buffered.resetBuffer();
      buffered.setStatus(HttpStatus.CONFLICT.value());
      buffered.setContentType(MediaType.APPLICATION_JSON_VALUE);
      buffered.setCharacterEncoding("UTF-8");
      buffered.getOutputStream().write(json.writeValueAsBytes(body));
    }
    buffered.copyBodyToResponse();
  }

  @Configuration(proxyBeanMethods = false)
  static class Registration {

    @Bean
    FilterRegistrationBean<TaskRefusalFilter> taskRefusalFilter(ObjectMapper json) {
      FilterRegistrationBean<TaskRefusalFilter> registration =
          new FilterRegistrationBean<>(new TaskRefusalFilter(json));
      registration.addUrlPatterns("/camunda/api/engine/*", "/engine-rest/*");
      registration.setName("taskRefusalFilter");
      return registration;
    }
  }
}
