package de.amtsflow.deadlines;

import de.amtsflow.security.Groups;
import de.amtsflow.web.Problems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The Fristen overview: every running period the caller may see, soonest first. */
@RestController
@RequestMapping("/api/deadlines")
@Tag(name = "Fristen", description = "Running periods per case, for team leads")
class DeadlineController {

  /** A fiction this close (calendar days) is highlighted. */
  static final int FICTION_WARNING_DAYS = 14;

  /** The authority's own groups; the Gemeinde and the Fachstellen are not clerks here. */
  static final Set<String> CLERKS =
      Set.of(
          Groups.ADMIN,
          Groups.PERMIT_CLERKS,
          Groups.INVOICE_CLERKS,
          Groups.INVOICE_APPROVERS,
          Groups.PAYMENT_AUTHORITY);

  private final List<DeadlineSource> sources;
  private final Clock clock;

  DeadlineController(List<DeadlineSource> sources, Clock clock) {
    this.sources = sources;
    this.clock = clock;
  }

  /**
   * One row of the overview.
   *
   * @param daysLeft calendar days from today to the last day (0: ends today, negative: overdue)
   * @param fictionSoon a fiction that occurs within 14 days
   * @param overdue the last day has passed and the case still waits
   */
  record DeadlineView(
      String fileNumber,
      String process,
      DeadlineKind kind,
      String kindLabel,
      String what,
      LocalDate endsOn,
      long daysLeft,
      String group,
      String groupName,
      boolean fictionSoon,
      boolean overdue) {}

  @GetMapping
  @Operation(
      summary = "Running periods of the cases I may see",
      description =
          "Statutory periods (completeness check, Nachreichung, Einvernehmen, Fachstellen,"
              + " Genehmigungsfiktion) and Skonto deadlines at risk, soonest first. Clerks' groups"
              + " only; the engine's authorizations decide which cases appear.")
  List<DeadlineView> running(
      Authentication user,
      @Parameter(description = "only these kinds (repeatable); all when absent")
          @RequestParam(name = "kind", required = false)
          List<String> kinds) {
    Set<String> groups =
        user.getAuthorities().stream()
            .map(GrantedAuthority::getAuthority)
            .collect(Collectors.toSet());
    if (groups.stream().noneMatch(CLERKS::contains)) {
      throw Problems.of(
          HttpStatus.FORBIDDEN,
          "deadlines",
          "clerks-only",
          "Keine Berechtigung",
          "Die Fristenübersicht steht nur den Sachbearbeitenden der Behörde offen.",
          Map.of());
    }
    Set<DeadlineKind> wanted = kinds(kinds);
    LocalDate today = LocalDate.now(clock);
    return sources.stream()
        .flatMap(source -> source.running(today).stream())
        .filter(d -> wanted.contains(d.kind()))
        .map(d -> view(d, today))
        .sorted(Comparator.comparing(DeadlineView::endsOn).thenComparing(DeadlineView::fileNumber))
        .toList();
  }

  private static Set<DeadlineKind> kinds(List<String> names) {
    if (names == null || names.isEmpty()) {
      return EnumSet.allOf(DeadlineKind.class);
    }
    Set<DeadlineKind> kinds = EnumSet.noneOf(DeadlineKind.class);
    for (String name : names) {
      try {
        kinds.add(DeadlineKind.valueOf(name.strip()));
      } catch (IllegalArgumentException e) {
        throw Problems.of(
            HttpStatus.BAD_REQUEST,
            "deadlines",
            "unknown-kind",
            "Unbekannte Fristart",
            "Der Parameter „kind“ kennt nur: "
                + Arrays.stream(DeadlineKind.values())
                    .map(Enum::name)
                    .collect(Collectors.joining(", "))
                + ".",
            Map.of("field", "kind"));
      }
    }
    return kinds;
  }

  static DeadlineView view(Deadline d, LocalDate today) {
    long daysLeft = ChronoUnit.DAYS.between(today, d.endsOn());
    return new DeadlineView(
        d.fileNumber(),
        d.process(),
        d.kind(),
        d.kind().label(),
        d.what(),
        d.endsOn(),
        daysLeft,
        d.group(),
        d.groupName(),
        d.kind().fiction() && daysLeft >= 0 && daysLeft <= FICTION_WARNING_DAYS,
        daysLeft < 0);
  }
}
