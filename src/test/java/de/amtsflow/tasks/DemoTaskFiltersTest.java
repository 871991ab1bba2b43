package de.amtsflow.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import de.amtsflow.AbstractHttpTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The dev profile's Tasklist filters show what their names promise, for the user opening them. */
class DemoTaskFiltersTest extends AbstractHttpTest {

  @Autowired FilterService filters;
  @Autowired TaskService tasks;
  @Autowired IdentityService identity;

  private final List<String> created = new ArrayList<>();

  @AfterEach
  void cleanUp() {
    identity.clearAuthentication();
    created.forEach(id -> tasks.deleteTask(id, true));
  }

  @Test
  void meineGruppeAndFristenDieseWocheFollowTheUsersGroupsAndDueDates() {
    Task dueNow = task("permit-clerks", Date.from(Instant.now()));
    Task dueNextMonth = task("permit-clerks", Date.from(Instant.now().plus(35, ChronoUnit.DAYS)));
    Task otherGroup = task("invoice-approvers", Date.from(Instant.now()));

    identity.setAuthentication("bauamt", List.of("permit-clerks"));
    assertThat(ids(DemoTaskFilters.MY_GROUP))
        .contains(dueNow.getId(), dueNextMonth.getId())
        .doesNotContain(otherGroup.getId());
    assertThat(ids(DemoTaskFilters.DUE_THIS_WEEK))
        .contains(dueNow.getId())
        .doesNotContain(dueNextMonth.getId(), otherGroup.getId());

    identity.setAuthentication("pruefer", List.of("invoice-approvers"));
    assertThat(ids(DemoTaskFilters.MY_GROUP))
        .contains(otherGroup.getId())
        .doesNotContain(dueNow.getId());
  }

  private List<String> ids(String filterName) {
    Filter filter = filters.createFilterQuery().filterName(filterName).singleResult();
    assertThat(filter.getProperties()).containsKey("variables");
    return filters.<Task>list(filter.getId()).stream().map(Task::getId).toList();
  }

  private Task task(String group, Date due) {
    Task task = tasks.newTask();
    task.setName("Probe " + group);
    task.setDueDate(due);
    tasks.saveTask(task);
    tasks.addCandidateGroup(task.getId(), group);
    created.add(task.getId());
    return task;
  }
}
