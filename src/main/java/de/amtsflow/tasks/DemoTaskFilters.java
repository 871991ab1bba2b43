package de.amtsflow.tasks;

import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.annotation.DependsOn;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Tasklist filters for the demo users of the {@code dev} profile: "Meine Gruppe" (what my groups
 * may take, and what I have taken) and "Fristen diese Woche" (the same, due by Sunday night,
 * overdue ones included, earliest first). Both show the case's file number in the list. An
 * authority sets up its own filters in Tasklist; these are a starting point.
 */
@Component
@Profile("dev")
@DependsOn("demoUsers")
class DemoTaskFilters implements InitializingBean {

  static final String MY_GROUP = "Meine Gruppe";
  static final String DUE_THIS_WEEK = "Fristen diese Woche";

  private final FilterService filters;
  private final TaskService tasks;

  DemoTaskFilters(FilterService filters, TaskService tasks) {
    this.filters = filters;
    this.tasks = tasks;
  }

  @Override
  public void afterPropertiesSet() {
    create(
        MY_GROUP,
        -10,
        "Aufgaben meiner Gruppen und von mir übernommene Aufgaben",
        myGroupsAndMine().orderByDueDate().asc().orderByTaskCreateTime().asc());
    create(
        DUE_THIS_WEEK,
        -5,
        "Aufgaben mit Frist bis Sonntag dieser Woche (auch überfällige)",
        myGroupsAndMine()
            // Monday 0:00 of next week, evaluated when the filter is opened
            .dueBeforeExpression(
                "${dateTime().withDayOfWeek(7).plusDays(1).withTimeAtStartOfDay().toDate()}")
            .orderByDueDate()
            .asc());
  }

  private TaskQuery myGroupsAndMine() {
    return tasks
        .createTaskQuery()
        .taskCandidateGroupInExpression("${currentUserGroups()}")
        .includeAssignedTasks();
  }

  private void create(String name, int priority, String description, TaskQuery query) {
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("description", description);
    properties.put("priority", priority);
    properties.put("refresh", true);
    properties.put("variables", TaskCards.COLUMNS);
    Filter existing = filters.createFilterQuery().filterName(name).singleResult();
    if (existing != null) {
      // an older release's filter gets the current card columns; its query stays as it was
      Map<String, Object> current =
          existing.getProperties() == null ? Map.of() : existing.getProperties();
      if (!TaskCards.COLUMNS.equals(current.get("variables"))) {
        Map<String, Object> updated = new LinkedHashMap<>(current);
        updated.put("variables", TaskCards.COLUMNS);
        filters.saveFilter(existing.setProperties(updated));
      }
      return;
    }
    Filter filter = filters.newTaskFilter(name).setQuery(query).setProperties(properties);
    filters.saveFilter(filter);
  }
}
