package de.amtsflow.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.sdk.LDAPException;
import de.amtsflow.AbstractHttpTest;
import de.amtsflow.browser.WebappBrowser;
import java.net.InetAddress;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * Clerks from the authority's directory (an IT: one JVM of its own, as its Spring context has the
 * Camunda webapps, which keep their context in a static field; see the failsafe configuration): a
 * real LDAP server (UnboundID's in-memory directory, loaded from {@code ldap/directory.ldif}) is
 * the identity. Logins check the directory's password, its groups are the clerks' roles, its {@code
 * tenant-*} groups their tenants, and nothing is written to it (no administrator, no demo users).
 */
@ActiveProfiles(value = "test", inheritProfiles = false)
@TestPropertySource(
    properties = {
      "spring.datasource.url=jdbc:h2:mem:ldap-identity;DB_CLOSE_DELAY=-1",
      "amtsflow.data-dir=target/test-data/ldap-identity",
      "amtsflow.identity.ldap.enabled=true",
      "amtsflow.identity.ldap.manager-dn=" + LdapIdentityIT.MANAGER_DN,
      "amtsflow.identity.ldap.manager-password=" + LdapIdentityIT.MANAGER_PASSWORD,
      "amtsflow.identity.ldap.base-dn=dc=amtsflow,dc=test",
      "amtsflow.identity.ldap.user-search-base=ou=people",
      "amtsflow.identity.ldap.group-search-base=ou=groups",
      // the directory is the only source of administrators: no password is needed for one
      "amtsflow.admin.password=",
      // the authorities the directory's tenant-* groups name
      "amtsflow.tenancy.default-tenant=lra",
      "amtsflow.tenancy.tenants[0].id=lra",
      "amtsflow.tenancy.tenants[0].name=Landratsamt Musterkreis",
      "amtsflow.tenancy.tenants[0].kind=LANDRATSAMT",
      "amtsflow.tenancy.tenants[1].id=gemeinde-a",
      "amtsflow.tenancy.tenants[1].name=Gemeinde Adorf",
      "amtsflow.tenancy.tenants[1].kind=GEMEINDE",
      "amtsflow.tenancy.tenants[1].municipality-key=09375111"
    })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LdapIdentityIT extends AbstractHttpTest {

  static final String MANAGER_DN = "cn=amtsflow-reader,dc=amtsflow,dc=test";
  static final String MANAGER_PASSWORD = "reader-Passwort-1";

  private static InMemoryDirectoryServer directory;

  @Autowired private IdentityService identityService;
  @Autowired private AuthorizationService authorizationService;
  @Autowired private RepositoryService repositoryService;
  @Autowired private RuntimeService runtimeService;
  @Autowired private ObjectMapper json;
  @Autowired private ProcessEngine engine;

  @DynamicPropertySource
  static void directory(DynamicPropertyRegistry registry) throws LDAPException {
    InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig("dc=amtsflow,dc=test");
    config.addAdditionalBindCredentials(MANAGER_DN, MANAGER_PASSWORD);
    config.setListenerConfigs(
        InMemoryListenerConfig.createLDAPConfig("ldap", InetAddress.getLoopbackAddress(), 0, null));
    directory = new InMemoryDirectoryServer(config);
    directory.importFromLDIF(
        true, LdapIdentityIT.class.getResource("/ldap/directory.ldif").getPath());
    directory.startListening();
    registry.add(
        "amtsflow.identity.ldap.url", () -> "ldap://127.0.0.1:" + directory.getListenPort());
  }

  @AfterAll
  static void stopDirectory() {
    directory.shutDown(true);
  }

  /** What an administrator grants the directory's groups in Camunda Admin. */
  @BeforeAll
  void grantsAndTasks() {
    for (String group : List.of(Groups.PERMIT_CLERKS, Groups.MUNICIPALITY)) {
      Authorization tasklist =
          authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
      tasklist.setGroupId(group);
      tasklist.setResource(Resources.APPLICATION);
      tasklist.setResourceId("tasklist");
      tasklist.addPermission(Permissions.ACCESS);
      authorizationService.saveAuthorization(tasklist);
      // one open task for each group
      String key = "LdapTest_" + group.replace("-", "");
      repositoryService
          .createDeployment()
          .addModelInstance(
              key + ".bpmn",
              Bpmn.createExecutableProcess(key)
                  .camundaHistoryTimeToLive(1)
                  .startEvent()
                  .userTask("Task_" + key)
                  .camundaCandidateGroups(group)
                  .endEvent()
                  .done())
          .deploy();
      // each task in its role's authority: the Bauaufsicht's at the Landratsamt, the
      // Einvernehmen at the Gemeinde
      runtimeService.startProcessInstanceByKey(
          key, Map.of("tenantId", group.equals(Groups.MUNICIPALITY) ? "gemeinde-a" : "lra"));
    }
  }

  @Test
  void theIdentityIsTheDirectoryAndNothingIsWrittenToIt() {
    assertThat(identityService.isReadOnly()).isTrue();
    User clerk = identityService.createUserQuery().userId("ldap-bauamt").singleResult();
    assertThat(clerk.getFirstName()).isEqualTo("Bernd");
    assertThat(clerk.getLastName()).isEqualTo("Bauamt");
    assertThat(clerk.getEmail()).isEqualTo("bauamt@lra-musterkreis.test");
    // no database administrator was created: the directory's camunda-admin group administers
    assertThat(identityService.createUserQuery().userId("admin").count()).isZero();
    assertThat(identityService.createUserQuery().memberOfGroup(Groups.ADMIN).list())
        .extracting(User::getId)
        .containsExactly("ldap-admin");
  }

  @Test
  void basicLoginChecksTheDirectoryPassword() {
    assertThat(as("ldap-bauamt", "bauamt-Passwort-1").get().uri("/api/tasks").retrieve())
        .extracting(r -> r.toBodilessEntity().getStatusCode().value())
        .isEqualTo(200);
    for (String[] wrong :
        new String[][] {
          {"ldap-bauamt", "ldap-bauamt"}, {"ldap-bauamt", ""}, {"niemand", "bauamt-Passwort-1"}
        }) {
      ResponseEntity<JsonNode> refused =
          as(wrong[0], wrong[1]).get().uri("/api/tasks").retrieve().toEntity(JsonNode.class);
      assertThat(refused.getStatusCode().value()).as(wrong[0]).isEqualTo(401);
      assertThat(refused.getHeaders().getContentType())
          .isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
      assertThat(refused.getBody().path("code").asText()).isEqualTo("unauthenticated");
    }
  }

  @Test
  void theDirectorysGroupsAreTheRolesAndTenantGroupsAreNone() {
    assertThat(identityService.createGroupQuery().groupMember("ldap-bauamt").list())
        .extracting(Group::getId, Group::getName)
        .containsExactly(tuple(Groups.PERMIT_CLERKS, "Bauaufsicht"));
    assertThat(identityService.createGroupQuery().list())
        .extracting(Group::getId)
        .containsExactlyInAnyOrder(Groups.PERMIT_CLERKS, Groups.MUNICIPALITY, Groups.ADMIN);
    // the same over the engine REST API, as Camunda Admin asks it
    JsonNode groups =
        as("ldap-admin", "admin-Passwort-1")
            .get()
            .uri(engineRest("/identity/groups?userId=ldap-gemeinde"))
            .retrieve()
            .body(JsonNode.class);
    assertThat(groups.path("groups").findValuesAsText("id")).containsExactly(Groups.MUNICIPALITY);
  }

  @Test
  void tenantsComeFromTheTenantGroups() {
    assertThat(tenantsOf("ldap-bauamt"))
        .extracting(Tenant::getId, Tenant::getName)
        .containsExactly(tuple("lra", "Landratsamt Musterkreis"));
    assertThat(tenantsOf("ldap-gemeinde")).extracting(Tenant::getId).containsExactly("gemeinde-a");
    // the administrators' group belongs to the Landratsamt as a whole
    assertThat(tenantsOf("ldap-admin")).extracting(Tenant::getId).containsExactly("lra");
    assertThat(identityService.createTenantQuery().userMember("ldap-admin").list()).isEmpty();
    assertThat(identityService.createTenantQuery().groupMember(Groups.ADMIN).list())
        .extracting(Tenant::getId)
        .containsExactly("lra");
    assertThat(identityService.createTenantQuery().tenantId("gemeinde-a").singleResult().getName())
        .isEqualTo("Gemeinde A");
    assertThat(identityService.createTenantQuery().orderByTenantId().desc().list())
        .extracting(Tenant::getId)
        .containsExactly("lra", "gemeinde-a");
    assertThat(identityService.createTenantQuery().tenantNameLike("Gemeinde%").count()).isOne();
    assertThat(identityService.createUserQuery().memberOfTenant("lra").list())
        .extracting(User::getId)
        .containsExactly("ldap-bauamt");
    assertThat(identityService.createUserQuery().memberOfGroup("no-such-group").list()).isEmpty();
  }

  @Test
  void aClerkReadsTheirOwnTenantsOnlyOverTheEngineRestApi() {
    String own = engineRest("/tenant?userMember=ldap-gemeinde&includingGroupsOfUser=true");
    JsonNode mine =
        as("ldap-gemeinde", "gemeinde-Passwort-1").get().uri(own).retrieve().body(JsonNode.class);
    assertThat(mine.findValuesAsText("id")).containsExactly("gemeinde-a");
    JsonNode others =
        as("ldap-bauamt", "bauamt-Passwort-1").get().uri(own).retrieve().body(JsonNode.class);
    assertThat(others).isEmpty();
  }

  @Test
  void aClerkSeesTheTasksOfTheirRole() {
    JsonNode permits =
        as("ldap-bauamt", "bauamt-Passwort-1")
            .get()
            .uri("/api/tasks")
            .retrieve()
            .body(JsonNode.class);
    assertThat(permits.path("items").findValuesAsText("taskKey"))
        .containsExactly("Task_LdapTest_permitclerks");
    JsonNode municipality =
        as("ldap-gemeinde", "gemeinde-Passwort-1")
            .get()
            .uri("/api/tasks")
            .retrieve()
            .body(JsonNode.class);
    assertThat(municipality.path("items").findValuesAsText("taskKey"))
        .containsExactly("Task_LdapTest_municipality");
  }

  @Test
  void tasklistAndAdminLoginWithTheDirectoryPassword() throws Exception {
    WebappBrowser clerk = new WebappBrowser(port);
    HttpResponse<String> login =
        clerk.login(engine.getName(), "tasklist", "ldap-bauamt", "bauamt-Passwort-1");
    assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
    assertThat(clerk.get("/camunda/api/engine/engine/" + engine.getName() + "/task/count").body())
        .contains("\"count\":1");
    assertThat(
            new WebappBrowser(port)
                .login(engine.getName(), "tasklist", "ldap-bauamt", "ldap-bauamt")
                .statusCode())
        .isEqualTo(401);
    WebappBrowser admin = new WebappBrowser(port);
    assertThat(
            admin.login(engine.getName(), "admin", "ldap-admin", "admin-Passwort-1").statusCode())
        .isEqualTo(200);
    // the directory's camunda-admin group has the administrator's grants
    JsonNode user =
        json.readTree(admin.get("/camunda/api/admin/auth/user/" + engine.getName()).body());
    assertThat(user.path("userId").asText()).isEqualTo("ldap-admin");
    assertThat(user.path("authorizedApps").toString()).contains("admin", "cockpit", "tasklist");
  }

  /** Last: it stops the directory. */
  @Test
  @Order(Integer.MAX_VALUE)
  void aDirectoryOutageIsServiceUnavailableNotAWrongPassword() {
    directory.shutDown(true);
    ResponseEntity<JsonNode> down =
        as("ldap-bauamt", "bauamt-Passwort-1")
            .get()
            .uri("/api/tasks")
            .retrieve()
            .toEntity(JsonNode.class);
    assertThat(down.getStatusCode().value()).isEqualTo(503);
    assertThat(down.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(down.getHeaders().getFirst("Retry-After")).isEqualTo("30");
    assertThat(down.getBody().path("code").asText()).isEqualTo("identity-unavailable");
  }

  private String engineRest(String path) {
    return "/engine-rest/engine/" + engine.getName() + path;
  }

  private List<Tenant> tenantsOf(String userId) {
    return identityService
        .createTenantQuery()
        .userMember(userId)
        .includingGroupsOfUser(true)
        .list();
  }
}
