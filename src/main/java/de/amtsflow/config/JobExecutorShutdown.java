package de.amtsflow.config;

import java.time.Duration;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.context.WebServerGracefulShutdownLifecycle;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.TaskExecutor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * Stops Camunda's job executor in a graceful shutdown only after the requests in flight are
 * answered, and lets the jobs it is running finish before the engine and the datasource close.
 *
 * <p>Left to itself, the starter's job thread pool ({@code camundaTaskExecutor}, a Spring {@link
 * ThreadPoolTaskExecutor}) stops taking tasks at the very start of closing, before Tomcat has
 * drained, while the job executor keeps acquiring: what it acquires then is rejected and stays
 * locked by this node for the lock time (60 s). The acquisition itself stops only when the engine
 * is destroyed, and nothing waits for the running jobs: with nothing to drain the engine and the
 * connection pool close under them at once, and the pool's destruction interrupts them.
 *
 * <p>Here the pool stays open, and one lifecycle step, just after Tomcat's drain, stops the
 * acquisition (waiting for the acquisition thread, so nothing is handed to the pool afterwards) and
 * then shuts the pool, waiting up to {@code spring.lifecycle.timeout-per-shutdown-phase} for the
 * running jobs; a batch still queued unlocks its jobs for the next start instead of running them
 * (the engine does that once the job executor is inactive). A job still running after the wait is
 * abandoned uncommitted: its lock expires and it runs again (delegates are idempotent). Not
 * covered: a batch the pool rejected because it and its queue were full keeps its lock until it
 * expires.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(
    prefix = "camunda.bpm.job-execution",
    name = "enabled",
    havingValue = "true",
    matchIfMissing = true)
class JobExecutorShutdown {

  /** The starter's bean name for the job executor's thread pool. */
  static final String TASK_EXECUTOR = "camundaTaskExecutor";

  private static final Logger log = LoggerFactory.getLogger(JobExecutorShutdown.class);

  // static: a BeanPostProcessor must exist before the beans it processes
  @Bean
  static BeanPostProcessor camundaTaskExecutorWaitsForJobs(
      @Value("${spring.lifecycle.timeout-per-shutdown-phase:30s}") Duration timeout) {
    return new BeanPostProcessor() {
      @Override
      public Object postProcessBeforeInitialization(Object bean, String name) {
        if (TASK_EXECUTOR.equals(name) && bean instanceof ThreadPoolTaskExecutor pool) {
          // also keeps the pool open when the context starts closing (Spring's "late shutdown")
          pool.setWaitForTasksToCompleteOnShutdown(true);
          pool.setAwaitTerminationMillis(timeout.toMillis());
        }
        return bean;
      }
    };
  }

  @Bean
  SmartLifecycle jobExecutorStop(
      JobExecutor jobExecutor,
      @Qualifier(TASK_EXECUTOR) TaskExecutor taskExecutor,
      @Value("${spring.lifecycle.timeout-per-shutdown-phase:30s}") Duration timeout) {
    return new SmartLifecycle() {
      @Override
      public void start() {
        // the starter starts the job executor once the application has started
      }

      @Override
      public void stop() {
        jobExecutor.shutdown();
        if (!(taskExecutor instanceof ThreadPoolTaskExecutor pool)) {
          return;
        }
        log.info(
            "Job executor stopped acquiring; waiting up to {} s for {} running job(s) to finish"
                + " ({} queued are unlocked, not run)",
            timeout.toSeconds(),
            pool.getActiveCount(),
            pool.getQueueSize());
        long started = System.nanoTime();
        // waits (see above); Spring logs a warning if the time runs out. A batch that starts now
        // unlocks its jobs, as the job executor is no longer active: the next start runs them.
        pool.shutdown();
        log.info("Job executor's jobs done after {} ms", (System.nanoTime() - started) / 1_000_000);
      }

      @Override
      public boolean isRunning() {
        return jobExecutor.isActive();
      }

      // stopped right after Tomcat's drain (whose requests may still add jobs), before the web
      // server stops and long before the engine and the datasource are destroyed
      @Override
      public int getPhase() {
        return WebServerGracefulShutdownLifecycle.SMART_LIFECYCLE_PHASE - 1;
      }
    };
  }
}
