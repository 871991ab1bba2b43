package de.amtsflow.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.management.Metrics;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * The warm-ups before readiness rehearse an invoice intake and a Bauantrag submit to their first
 * process steps, and leave nothing behind: no e-file, document, blob, audit entry, invoice,
 * application, drawn Aktenzeichen, process instance or history.
 */
@SpringBootTest(properties = "amtsflow.data-dir=target/warm-up-rehearsal-test")
@ActiveProfiles({"dev", "test"})
@DirtiesContext
class WarmUpRehearsalTest {

  @Autowired WarmUps warmUps;
  @Autowired JdbcTemplate jdbc;
  @Autowired RuntimeService runtime;
  @Autowired HistoryService history;
  @Autowired ManagementService management;

  @Test
  void rehearsesBothIntakesAndLeavesNothingBehind() throws IOException {
    assertThat(warmUps.succeeded())
        .contains("invoice", "invoice-rendering", "permit", "letters", "engine-definitions");
    // the rehearsals did start their processes (the engine counts starts outside transactions)
    management.reportDbMetricsNow();
    assertThat(management.createMetricsQuery().name(Metrics.ROOT_PROCESS_INSTANCE_START).sum())
        .isGreaterThanOrEqualTo(2);

    for (String table :
        List.of(
            "efile",
            "efile_number_counter",
            "efile_document",
            "efile_document_version",
            "efile_audit_entry",
            "efile_participant",
            "invoice",
            "permit_application",
            "permit_timeline",
            "mail_outbox")) {
      assertThat(jdbc.queryForObject("select count(*) from " + table, Long.class))
          .as(table)
          .isZero();
    }
    assertThat(runtime.createProcessInstanceQuery().count()).isZero();
    assertThat(history.createHistoricProcessInstanceQuery().count()).isZero();
    assertThat(history.createHistoricTaskInstanceQuery().count()).isZero();
    Path content = Path.of("target/warm-up-rehearsal-test/content");
    if (Files.exists(content)) {
      try (Stream<Path> files = Files.walk(content)) {
        assertThat(files.filter(Files::isRegularFile)).isEmpty();
      }
    }
  }
}
