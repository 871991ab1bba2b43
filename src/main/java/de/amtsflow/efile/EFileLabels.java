package de.amtsflow.efile;

import de.amtsflow.security.UserNames;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.stereotype.Component;

/**
 * The German words the e-file page shows: document kinds, audit notes and who filed what, from the
 * features' {@link EFileVocabulary} beans and Camunda's user directory.
 */
@Component
class EFileLabels {

  private static final Map<String, String> COMMON_ACTORS =
      Map.of(
          EFileVocabulary.SYSTEM, "automatisch (System)",
          EFileVocabulary.DEADLINE, "automatisch (Fristablauf)");

  private final Map<EFileType, EFileVocabulary> vocabularies = new EnumMap<>(EFileType.class);
  private final UserNames names;

  EFileLabels(List<EFileVocabulary> vocabularies, UserNames names) {
    for (EFileVocabulary vocabulary : vocabularies) {
      EFileVocabulary other = this.vocabularies.put(vocabulary.type(), vocabulary);
      if (other != null) {
        throw new IllegalStateException(
            "two vocabularies for e-files of type "
                + vocabulary.type()
                + ": "
                + other
                + ", "
                + vocabulary);
      }
    }
    this.names = names;
  }

  /** The kind in German; {@link EFileVocabulary#OTHER_KIND} when no feature names it. */
  String kind(EFileType type, String kind) {
    return vocabulary(type)
        .map(v -> v.documentKinds().get(kind))
        .orElse(EFileVocabulary.OTHER_KIND);
  }

  /** An audit note in German; "Vermerk" when no feature names it. */
  String note(EFileType type, String action) {
    return vocabulary(type).map(v -> v.notes().get(action)).orElse("Vermerk");
  }

  /**
   * Who each actor is, in words: a system actor as its feature names it ("Fiktion (Fristablauf)"),
   * a user with their full name and id ("Berta Bauamt (bauamt)"), anyone else by their id.
   */
  Map<String, String> actors(EFileType type, Collection<String> actors) {
    Map<String, String> system = new HashMap<>(COMMON_ACTORS);
    vocabulary(type).ifPresent(v -> system.putAll(v.actors()));
    List<String> users =
        actors.stream().filter(Objects::nonNull).filter(a -> !system.containsKey(a)).toList();
    Map<String, String> fullNames = names.fullNames(users);
    Map<String, String> labels = new HashMap<>();
    for (String actor : actors) {
      if (actor == null) {
        continue;
      }
      String label = system.get(actor);
      if (label == null) {
        String name = fullNames.get(actor);
        label = name == null ? actor : name + " (" + actor + ")";
      }
      labels.put(actor, label);
    }
    return labels;
  }

  private java.util.Optional<EFileVocabulary> vocabulary(EFileType type) {
    return java.util.Optional.ofNullable(vocabularies.get(type));
  }
}
