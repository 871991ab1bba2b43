package de.amtsflow.efile;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * A case's history for clerks: the e-file's audit trail in German, merged with what the {@link
 * TimelineSource}s contribute (the process engine's history of the case), oldest first. Built from
 * our own records, so it also serves cases long closed.
 */
@Component
class EFileTimeline {

  private static final DateTimeFormatter GERMAN_DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");
  private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

  /**
   * @param withheld some steps of the process are not shown: the caller may not read its history
   */
  record Timeline(UUID efileId, String fileNumber, List<Step> steps, boolean withheld) {}

  /**
   * @param actorName who did it, in words ("Berta Bauamt (bauamt)", "automatisch (System)"); null
   *     when nobody can be named
   */
  record Step(
      Instant at, String type, String text, String detail, String actor, String actorName) {}

  private final EFileStore store;
  private final EFileLabels labels;
  private final List<TimelineSource> sources;

  EFileTimeline(EFileStore store, EFileLabels labels, List<TimelineSource> sources) {
    this.store = store;
    this.labels = labels;
    this.sources = sources;
  }

  Timeline of(EFile efile) {
    List<TimelineEntry> entries = new ArrayList<>();
    boolean withheld = false;
    for (TimelineSource source : sources) {
      TimelineSource.Part part = source.steps(efile);
      entries.addAll(part.steps());
      withheld |= part.withheld();
    }
    entries.addAll(audit(efile));
    // stable: steps of the same instant keep their source's order, and a process step (a task
    // completed) comes before the documents it caused
    entries.sort(Comparator.comparing(TimelineEntry::at));
    Map<String, String> actors =
        labels.actors(efile.type(), entries.stream().map(TimelineEntry::actor).toList());
    List<Step> steps =
        entries.stream()
            .map(
                e ->
                    new Step(
                        e.at(),
                        e.type(),
                        e.text(),
                        e.detail(),
                        e.actor(),
                        e.actor() == null ? null : actors.get(e.actor())))
            .toList();
    return new Timeline(efile.id(), efile.fileNumber(), steps, withheld);
  }

  private List<TimelineEntry> audit(EFile efile) {
    Map<UUID, Document> documents =
        store.documents(efile.id()).stream()
            .collect(Collectors.toMap(Document::id, Function.identity()));
    return store.audit(efile.id()).stream().map(entry -> step(efile, entry, documents)).toList();
  }

  private TimelineEntry step(EFile efile, AuditEntry entry, Map<UUID, Document> documents) {
    String action = entry.action();
    return switch (action) {
      case DefaultEFileStore.ACTION_EFILE_CREATED ->
          new TimelineEntry(
              entry.occurredAt(), action, "Akte angelegt", entry.details(), entry.actor());
      case DefaultEFileStore.ACTION_DOCUMENT_ADDED -> {
        Document document = documents.get(entry.documentId());
        String title = document == null ? "Dokument" : document.title();
        String kind = document == null ? null : labels.kind(efile.type(), document.kind());
        String version = "Fassung " + entry.documentVersion();
        yield new TimelineEntry(
            entry.occurredAt(),
            action,
            "Dokument eingestellt: " + title,
            kind == null ? version : kind + ", " + version,
            entry.actor());
      }
      case DefaultEFileStore.ACTION_EFILE_CLOSED ->
          new TimelineEntry(
              entry.occurredAt(), action, "Akte geschlossen", keptUntil(entry), entry.actor());
      default ->
          new TimelineEntry(
              entry.occurredAt(), "NOTE", labels.note(efile.type(), action), null, entry.actor());
    };
  }

  /** "aufzubewahren bis 31.12.2056" from the closing entry's "retention until 2056-12-31". */
  private static String keptUntil(AuditEntry entry) {
    Matcher date = ISO_DATE.matcher(entry.details() == null ? "" : entry.details());
    return date.find()
        ? "aufzubewahren bis " + LocalDate.parse(date.group()).format(GERMAN_DATE)
        : null;
  }
}
