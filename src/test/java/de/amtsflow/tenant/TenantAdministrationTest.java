package de.amtsflow.tenant;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import de.amtsflow.AbstractHttpTest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

/**
 * What an authority administers itself on a shared installation (issue 14): its tenant
 * administrator its users (and no other authority's), its process owner its decision table for
 * invoice approvers (and no other authority's); every other authority keeps the shared table.
 */
class TenantAdministrationTest extends AbstractHttpTest {

  @Autowired IdentityService identity;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired TenantModelDeployment modelDeployment;
  @Autowired org.camunda.bpm.engine.ProcessEngine processEngine;

  @Test
  void aTenantAdministratorManagesTheirOwnAuthoritysUsersOnly() {
    JsonNode adorf =
        as("admin-a").get().uri("/api/tenants/gemeinde-a/users").retrieve().body(JsonNode.class);
    assertThat(adorf.findValuesAsText("id"))
        .contains("gemeinde", "kasse-a", "pruefer-a", "admin-a")
        .doesNotContain("gemeinde-b", "bauamt", "kasse-b");
    assertThat(
            status(
                as("admin-a")
                    .get()
                    .uri("/api/tenants/gemeinde-b/users")
                    .retrieve()
                    .toEntity(String.class)))
        .isEqualTo(403);
    assertThat(
            status(
                as("gemeinde")
                    .get()
                    .uri("/api/tenants/gemeinde-a/users")
                    .retrieve()
                    .toEntity(String.class)))
        .isEqualTo(403);

    String id = "m.mueller" + UUID.randomUUID().toString().substring(0, 4);
    ResponseEntity<JsonNode> created = create("gemeinde-a", id, List.of("municipality"));
    assertThat(status(created)).as("%s", created.getBody()).isEqualTo(201);
    assertThat(created.getBody().get("roles").get(0).asText()).isEqualTo("municipality");
    // the new clerk works for Adorf, and only Adorf
    JsonNode theirs =
        as(id, "anfangs-passwort-1").get().uri("/api/tenants").retrieve().body(JsonNode.class);
    assertThat(theirs.findValuesAsText("id")).containsExactly("gemeinde-a");

    ResponseEntity<JsonNode> administration =
        create("gemeinde-a", id + "x", List.of("camunda-admin"));
    assertThat(status(administration)).isEqualTo(400);
    assertThat(administration.getBody().get("field").asText()).isEqualTo("roles");
    assertThat(identity.createUserQuery().userId(id + "x").count())
        .as("nothing half-stored")
        .isZero();
    assertThat(status(create("gemeinde-b", id + "y", List.of("municipality")))).isEqualTo(403);
    assertThat(status(create("gemeinde-a", id, List.of()))).isEqualTo(409);

    // another authority's clerk cannot be taken out; their own can
    assertThat(status(remove("gemeinde-a", "gemeinde-b"))).isEqualTo(404);
    assertThat(identity.createTenantQuery().userMember("gemeinde-b").singleResult().getId())
        .isEqualTo("gemeinde-b");
    assertThat(status(remove("gemeinde-a", id))).isEqualTo(204);
    assertThat(identity.createTenantQuery().userMember(id).count()).isZero();
  }

  @Test
  void aProcessOwnerChangesTheApproversOfTheirOwnAuthorityOnly() throws IOException {
    // Adorf's own table: its Kämmerei (invoice-clerks) confirms "sachlich richtig" itself
    byte[] adorfTable =
        resource("/bpmn/invoice/invoice-routing.dmn")
            .replace("<text>\"invoice-approvers\"</text>", "<text>\"invoice-clerks\"</text>")
            .getBytes(StandardCharsets.UTF_8);
    assertThat(status(deploy("prozess-a", "gemeinde-b", "invoice-routing.dmn", adorfTable)))
        .isEqualTo(403);
    assertThat(status(deploy("kasse-a", "gemeinde-a", "invoice-routing.dmn", adorfTable)))
        .isEqualTo(403);
    assertThat(status(deploy("prozess-a", "gemeinde-a", "routing.txt", adorfTable))).isEqualTo(400);
    ResponseEntity<JsonNode> deployed =
        deploy("prozess-a", "gemeinde-a", "invoice-routing.dmn", adorfTable);
    assertThat(status(deployed)).as("%s", deployed.getBody()).isEqualTo(200);
    assertThat(deployed.getBody().findValuesAsText("tenantId")).containsOnly("gemeinde-a");

    assertThat(approverGroupsOf("09375111-1000-10")).containsExactly("invoice-clerks");
    // Bergheim and the Landratsamt keep the shared table
    assertThat(approverGroupsOf("09375122-1000-04")).containsExactly("invoice-approvers");
    assertThat(approverGroupsOf("04011000-12345-03")).containsExactly("invoice-approvers");
  }

  /** Adorf's own table goes again: the other classes in this context expect the shared one. */
  @org.junit.jupiter.api.AfterEach
  void sharedTablesAgain() {
    var repository = processEngine.getRepositoryService();
    repository
        .createDeploymentQuery()
        .deploymentName("amtsflow-tenant-gemeinde-a")
        .list()
        .forEach(d -> repository.deleteDeployment(d.getId(), true));
  }

  @Test
  void theGemeindensEinvernehmenModelIsDeployedOncePerTenantAndAgainOnlyWhenChanged() {
    var repository = processEngine.getRepositoryService();
    long before =
        repository
            .createProcessDefinitionQuery()
            .processDefinitionKey("MunicipalConsentProcess")
            .count();
    assertThat(
            repository
                .createProcessDefinitionQuery()
                .processDefinitionKey("MunicipalConsentProcess")
                .tenantIdIn("lra", "gemeinde-a", "gemeinde-b")
                .count())
        .isEqualTo(3);
    // a restart (or a second node) finds them unchanged: nothing new, no failure
    modelDeployment.afterSingletonsInstantiated();
    assertThat(
            repository
                .createProcessDefinitionQuery()
                .processDefinitionKey("MunicipalConsentProcess")
                .count())
        .isEqualTo(before);
  }

  private List<String> approverGroupsOf(String leitwegId) {
    JsonNode receipt = deliverInvoice(sampleInvoiceFor(leitwegId));
    ProcessInstance pi =
        runtime
            .createProcessInstanceQuery()
            .processInstanceBusinessKey(receipt.get("fileNumber").asText())
            .singleResult();
    String task = tasks.createTaskQuery().processInstanceId(pi.getId()).singleResult().getId();
    return tasks.getIdentityLinksForTask(task).stream()
        .map(IdentityLink::getGroupId)
        .filter(g -> g != null)
        .toList();
  }

  private ResponseEntity<JsonNode> create(String tenant, String id, List<String> roles) {
    return as("admin-a")
        .post()
        .uri("/api/tenants/{t}/users", tenant)
        .contentType(MediaType.APPLICATION_JSON)
        .body(
            Map.of(
                "id",
                id,
                "firstName",
                "Maria",
                "lastName",
                "Müller",
                "email",
                id + "@adorf.test",
                "password",
                "anfangs-passwort-1",
                "roles",
                roles))
        .retrieve()
        .toEntity(JsonNode.class);
  }

  private ResponseEntity<String> remove(String tenant, String user) {
    return as("admin-a")
        .delete()
        .uri("/api/tenants/{t}/users/{u}", tenant, user)
        .retrieve()
        .toEntity(String.class);
  }

  private ResponseEntity<JsonNode> deploy(String user, String tenant, String name, byte[] dmn) {
    LinkedMultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
    form.add(
        "file",
        new ByteArrayResource(dmn) {
          @Override
          public String getFilename() {
            return name;
          }
        });
    return as(user)
        .post()
        .uri("/api/tenants/{t}/decisions", tenant)
        .contentType(MediaType.MULTIPART_FORM_DATA)
        .body(form)
        .retrieve()
        .toEntity(JsonNode.class);
  }

  private static int status(ResponseEntity<?> response) {
    return response.getStatusCode().value();
  }

  private String resource(String name) {
    try (InputStream in = getClass().getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
