package de.amtsflow.tenant;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import de.amtsflow.AbstractHttpTest;
import de.amtsflow.efile.EFileStore;
import de.amtsflow.efile.IntegrityReport;
import de.amtsflow.invoice.InvoiceProcess;
import de.amtsflow.permit.PermitProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * An installation of the release before tenancy (46336c7) upgraded in place: the H2 database and
 * content folder it left (src/test/resources/migration/release-46336c7, see its README: two
 * Bauanträge, three invoices) start the current application. Flyway's V8 and {@link
 * EngineTenantMigration} give everything the default tenant {@code lra}; nothing is lost, each
 * authority sees only its own, and the old cases go on. Runs on a fresh copy each time; the
 * migration then runs a second time and finds nothing.
 */
// a context of its own: closed after the class, so the next class's context starts alone (an
// evicted context takes the platform's engine 'default' and the webapps' context with it; see
// EFileStoreH2Test)
@org.springframework.test.annotation.DirtiesContext
class MigrationFromPreviousReleaseTest extends AbstractHttpTest {

  static final String RELEASE = "migration/release-46336c7";
  static final String DEFAULT_TENANT = "lra";
  // Flyway creates its table quoted, in lower case, on H2
  static final String FLYWAY_VERSION =
      "select max(cast(\"version\" as int)) from \"amtsflow_schema_history\" where \"success\"";

  /** What names the instance of an engine row, in the order looked for. */
  static final List<String> INSTANCE_COLUMNS =
      List.of("PROC_INST_ID_", "PROCESS_INSTANCE_ID_", "ROOT_PROC_INST_ID_", "TASK_ID_");

  static Before before;

  @Autowired JdbcTemplate jdbc;
  @Autowired EFileStore efiles;
  @Autowired EngineTenantMigration migration;
  @Autowired RuntimeService runtime;
  @Autowired IdentityService identity;
  @Autowired TaskService tasks;

  @DynamicPropertySource
  static void onACopyOfThePreviousReleasesData(DynamicPropertyRegistry registry) {
    Path dataDir = copyOfRelease();
    String url = "jdbc:h2:file:" + dataDir.resolve("db/amtsflow").toAbsolutePath();
    before = Before.read(url);
    registry.add("amtsflow.data-dir", dataDir::toString);
    registry.add("spring.datasource.url", () -> url + ";DB_CLOSE_ON_EXIT=FALSE");
  }

  @Test
  void oldDataBelongsToTheDefaultTenantAndTheOldCasesGoOn() {
    System.out.printf(
        "before: Flyway V%s, cases %s, engine rows without tenant %s%n",
        before.flywayVersion, before.cases, before.untenanted);
    assertThat(before.flywayVersion).isEqualTo("7");
    assertThat(before.cases)
        .containsEntry("efile", 5)
        .containsEntry("permit_application", 2)
        .containsEntry("invoice", 3)
        .containsEntry("running instances", 4)
        .containsEntry("historic instances", 5);
    assertThat(before.untenanted.get("ACT_RU_TASK")).isEqualTo(5);

    // our tables: Flyway V8, every row the default tenant's, none lost
    assertThat(jdbc.queryForObject(FLYWAY_VERSION, String.class)).isEqualTo("8");
    Map<String, Integer> cases = cases();
    System.out.printf("after:  cases %s%n", cases);
    // the old open Einvernehmen and statement let their groups read the e-file (audited)
    String participating =
        jdbc.queryForObject(
            "select efile_id from permit_application where file_number = 'BAU-2026-000002'",
            String.class);
    assertThat(
            jdbc.queryForList(
                "select tenant_id || ' ' || group_id from efile_participant", String.class))
        .containsExactlyInAnyOrder("lra municipality", "lra agencies");
    Map<String, Integer> expected = new LinkedHashMap<>(before.cases);
    expected.merge("efile_audit_entry", 2, Integer::sum);
    assertThat(cases).isEqualTo(expected);
    for (String table : List.of("efile", "permit_application", "invoice")) {
      assertThat(jdbc.queryForList("select distinct tenant_id from " + table, String.class))
          .as(table)
          .containsExactly(DEFAULT_TENANT);
    }
    assertThat(
            jdbc.queryForList(
                "select distinct consent_tenant_id from permit_application", String.class))
        .containsExactly(DEFAULT_TENANT);

    // the e-files: every document there, every audit chain intact
    for (UUID efile : jdbc.queryForList("select id from efile", UUID.class)) {
      assertThat(efiles.documents(efile)).hasSize(before.documents.get(efile));
      IntegrityReport report = efiles.checkIntegrity(efile);
      assertThat(report.intact()).as(report.fileNumber() + " " + report.problems()).isTrue();
      assertThat(report.auditEntriesChecked())
          .isEqualTo(
              before.auditEntries.get(efile) + (efile.toString().equals(participating) ? 2 : 0));
    }

    // the engine: the old instances' rows are the default tenant's, all of them still there
    Map<String, Integer> defaultTenants = new LinkedHashMap<>();
    before.engineTables.forEach(
        (table, instance) -> {
          assertThat(count(table, instance, "TENANT_ID_ is null")).as(table).isZero();
          defaultTenants.put(
              table, count(table, instance, "TENANT_ID_ = '" + DEFAULT_TENANT + "'"));
        });
    System.out.printf("engine rows migrated to '%s': %s%n", DEFAULT_TENANT, defaultTenants);
    assertThat(defaultTenants).isEqualTo(before.untenanted);
    assertThat(defaultTenants.get("ACT_HI_PROCINST")).isEqualTo(5);
    // the definitions stay shared
    assertThat(
            jdbc.queryForObject(
                "select count(*) from ACT_RE_PROCDEF where TENANT_ID_ is not null"
                    + " and KEY_ in ('BuildingPermitProcess', 'EInvoiceApprovalProcess')",
                Integer.class))
        .isZero();

    // a second run finds nothing to do
    assertThat(migration.migrate()).isEmpty();
    before.engineTables.forEach(
        (table, instance) ->
            assertThat(count(table, instance, "TENANT_ID_ = '" + DEFAULT_TENANT + "'"))
                .as(table)
                .isEqualTo(defaultTenants.get(table)));

    // each authority sees its own: the Landratsamt's users the old cases, a Gemeinde none of them
    assertThat(taskKeys("bauamt")).containsExactly(PermitProcess.Task.CHECK_COMPLETENESS);
    assertThat(taskKeys("fachstelle")).containsExactly(PermitProcess.Task.AGENCY_STATEMENT);
    assertThat(taskKeys("pruefer")).containsExactly(InvoiceProcess.Task.CONFIRM_FACTUAL);
    assertThat(taskKeys("rechnung")).containsExactly(InvoiceProcess.Task.CLARIFY_ASSIGNMENT);
    assertThat(taskKeys("gemeinde-b")).isEmpty();
    assertThat(taskKeys("kasse-b")).isEmpty();
    assertThat(taskKeys("pruefer-b")).isEmpty();
    // the Fachstelle asked before reads the case's e-file, as its task asks it to
    assertThat(readsEFile("fachstelle", participating)).isTrue();
    assertThat(readsEFile("gemeinde-b", participating)).isFalse();
    // the old Einvernehmen was a task of the permit process itself: it stays with the default
    // tenant, where no Gemeinde's user sees it until the operator makes them a member
    assertThat(taskKeys("gemeinde")).isEmpty();
    assertThat(
            tasks
                .createTaskQuery()
                .taskDefinitionKey(PermitProcess.Task.MUNICIPAL_CONSENT)
                .singleResult()
                .getTenantId())
        .isEqualTo(DEFAULT_TENANT);
    identity.createTenantUserMembership(DEFAULT_TENANT, "gemeinde");
    assertThat(taskKeys("gemeinde")).containsExactly(PermitProcess.Task.MUNICIPAL_CONSENT);
    assertThat(readsEFile("gemeinde", participating)).isTrue();
    String consented =
        complete("gemeinde", PermitProcess.Task.MUNICIPAL_CONSENT, "{\"consent\":\"GRANTED\"}");
    runJobs(instance(consented));
    assertThat(runtime.createIncidentQuery().processInstanceId(consented).count()).isZero();

    // the old invoice is approved by its users as before
    String invoiceInstance = complete("pruefer", InvoiceProcess.Task.CONFIRM_FACTUAL, approve());
    complete("rechnung", InvoiceProcess.Task.CONFIRM_ARITHMETIC, approve());
    runJobs(instance(invoiceInstance));
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(invoiceInstance).count())
        .isZero();
    String invoice =
        jdbc.queryForObject(
            "select id from invoice where file_number = 'RE-2026-000001'", String.class);
    assertThat(
            as("rechnung")
                .get()
                .uri("/api/invoices/{id}", invoice)
                .retrieve()
                .body(JsonNode.class)
                .path("status")
                .asText())
        .isEqualTo("PAYMENT_ORDERED");

    // the old Bauantrag goes on: complete, on to the (old) Einvernehmen in the default tenant
    String permitInstance =
        complete(
            "bauamt",
            PermitProcess.Task.CHECK_COMPLETENESS,
            "{\"completeness\":\"COMPLETE\",\"agencies\":[]}");
    runJobs(instance(permitInstance));
    assertThat(taskKeys("gemeinde")).containsExactly(PermitProcess.Task.MUNICIPAL_CONSENT);
    assertThat(taskKeys("gemeinde-b")).isEmpty();
    before.engineTables.forEach(
        (table, instance) ->
            assertThat(count(table, instance, "TENANT_ID_ is null")).as(table).isZero());
    System.out.printf("after the old cases went on: cases %s%n", cases());

    // the users: the dev profile's demo users hold memberships, so the upgrade's user step found
    // them there; on an installation whose users belong to no tenant yet, all become the default
    // tenant's, once ("Zuordnung klären" of the old invoice is still open for rechnung)
    assertThat(taskKeys("rechnung")).isNotEmpty();
    assertThat(migration.migrateUsers()).isEmpty();
    identity
        .createUserQuery()
        .list()
        .forEach(
            user ->
                identity
                    .createTenantQuery()
                    .userMember(user.getId())
                    .list()
                    .forEach(t -> identity.deleteTenantUserMembership(t.getId(), user.getId())));
    assertThat(taskKeys("rechnung")).as("a user without a tenant sees no case").isEmpty();
    assertThat(migration.migrateUsers()).contains("bauamt", "rechnung", "admin");
    assertThat(identity.createTenantQuery().userMember("bauamt").singleResult().getId())
        .isEqualTo(DEFAULT_TENANT);
    assertThat(taskKeys("rechnung")).isNotEmpty();
    assertThat(migration.migrateUsers()).as("once").isEmpty();
  }

  private boolean readsEFile(String user, String efile) {
    HttpStatusCode status =
        as(user)
            .get()
            .uri("/api/efiles/{id}/documents", efile)
            .retrieve()
            .toBodilessEntity()
            .getStatusCode();
    assertThat(status.value()).as(user).isIn(200, 403);
    return status.is2xxSuccessful();
  }

  private List<String> taskKeys(String user) {
    JsonNode tasks = as(user).get().uri("/api/tasks?size=200").retrieve().body(JsonNode.class);
    return tasks.path("items").findValuesAsText("taskKey");
  }

  /** Completes the user's one task with this key; answers its process instance. */
  private String complete(String user, String taskKey, String payload) {
    JsonNode task =
        as(user)
            .get()
            .uri("/api/tasks?taskKey={key}", taskKey)
            .retrieve()
            .body(JsonNode.class)
            .path("items")
            .get(0);
    var answer =
        as(user)
            .post()
            .uri("/api/tasks/{id}/complete", task.path("id").asText())
            .contentType(MediaType.APPLICATION_JSON)
            .body(payload)
            .retrieve()
            .toEntity(String.class);
    assertThat(answer.getStatusCode().value()).as(user + " " + answer.getBody()).isEqualTo(200);
    return task.path("processInstanceId").asText();
  }

  private static String approve() {
    return "{\"decision\":\"APPROVE\"}";
  }

  private ProcessInstance instance(String id) {
    return runtime.createProcessInstanceQuery().processInstanceId(id).singleResult();
  }

  private int count(String table, String instance, String tenant) {
    return jdbc.queryForObject(
        "select count(*) from %s where %s is not null and %s".formatted(table, instance, tenant),
        Integer.class);
  }

  private Map<String, Integer> cases() {
    return Before.cases(jdbc);
  }

  // a fresh copy below target/ for each run: the application changes its data
  private static Path copyOfRelease() {
    try {
      Path release = new ClassPathResource(RELEASE).getFile().toPath();
      Path copy =
          Files.createTempDirectory(
              Files.createDirectories(Path.of("target", "migration-test")), "release-46336c7-");
      for (String part : List.of("db", "content")) {
        try (Stream<Path> files = Files.walk(release.resolve(part))) {
          for (Path file : files.filter(Files::isRegularFile).toList()) {
            Path target = copy.resolve(release.relativize(file).toString());
            Files.createDirectories(target.getParent());
            Files.copy(file, target);
          }
        }
      }
      return copy;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** What the previous release left, read from the copy before the application starts on it. */
  record Before(
      String flywayVersion,
      Map<String, String> engineTables,
      Map<String, Integer> cases,
      Map<String, Integer> untenanted,
      Map<UUID, Integer> documents,
      Map<UUID, Long> auditEntries) {

    static Before read(String url) {
      try (Connection connection = DriverManager.getConnection(url, "sa", "")) {
        JdbcTemplate jdbc = new JdbcTemplate(new SingleConnectionDataSource(connection, true));
        Map<String, String> engineTables = engineTables(jdbc);
        Map<String, Integer> untenanted = new LinkedHashMap<>();
        engineTables.forEach(
            (table, instance) ->
                untenanted.put(
                    table,
                    jdbc.queryForObject(
                        "select count(*) from %s where %s is not null and TENANT_ID_ is null"
                            .formatted(table, instance),
                        Integer.class)));
        Map<UUID, Integer> documents = new LinkedHashMap<>();
        Map<UUID, Long> audit = new LinkedHashMap<>();
        for (UUID efile : jdbc.queryForList("select id from efile", UUID.class)) {
          documents.put(
              efile,
              jdbc.queryForObject(
                  "select count(*) from efile_document where efile_id = ?", Integer.class, efile));
          audit.put(
              efile,
              jdbc.queryForObject(
                  "select count(*) from efile_audit_entry where efile_id = ?", Long.class, efile));
        }
        return new Before(
            jdbc.queryForObject(FLYWAY_VERSION, String.class),
            engineTables,
            cases(jdbc),
            untenanted,
            documents,
            audit);
      } catch (SQLException e) {
        throw new IllegalStateException("cannot read " + url, e);
      }
    }

    /**
     * The engine tables with a tenant and a column naming the instance a row belongs to, as the
     * schema has them (not the migration's list: a table it forgot shows here). Rows without an
     * instance (timer start jobs, deployments, definition links) are shared, and so is {@code
     * ACT_GE_BYTEARRAY}: the engine gives only deployment resources a tenant.
     */
    static Map<String, String> engineTables(JdbcTemplate jdbc) {
      Map<String, List<String>> columns = new java.util.TreeMap<>();
      jdbc.query(
          "select table_name, column_name from information_schema.columns"
              + " where table_schema = 'PUBLIC' and table_name like 'ACT\\_%' escape '\\'",
          row -> {
            columns
                .computeIfAbsent(row.getString(1), table -> new java.util.ArrayList<>())
                .add(row.getString(2));
          });
      Map<String, String> tables = new LinkedHashMap<>();
      columns.forEach(
          (table, names) ->
              INSTANCE_COLUMNS.stream()
                  .filter(names::contains)
                  .findFirst()
                  .filter(instance -> names.contains("TENANT_ID_"))
                  .filter(instance -> !table.equals("ACT_GE_BYTEARRAY"))
                  .ifPresent(instance -> tables.put(table, instance)));
      return tables;
    }

    static Map<String, Integer> cases(JdbcTemplate jdbc) {
      Map<String, Integer> cases = new LinkedHashMap<>();
      for (String table :
          List.of(
              "efile",
              "efile_document",
              "efile_document_version",
              "efile_audit_entry",
              "permit_application",
              "invoice")) {
        cases.put(table, jdbc.queryForObject("select count(*) from " + table, Integer.class));
      }
      cases.put(
          "running instances",
          jdbc.queryForObject(
              "select count(*) from ACT_RU_EXECUTION where ID_ = ROOT_PROC_INST_ID_",
              Integer.class));
      cases.put(
          "historic instances",
          jdbc.queryForObject("select count(*) from ACT_HI_PROCINST", Integer.class));
      return cases;
    }
  }
}
