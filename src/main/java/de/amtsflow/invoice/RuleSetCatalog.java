package de.amtsflow.invoice;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The rule set releases this deployment knows, and which one judges an invoice: the shipped ones
 * ({@code einvoice-rules/<id>/} on the classpath) and those an operator drops into {@code
 * amtsflow.invoice.rules.dir} (a folder of the same shape per release; one with a shipped id
 * replaces it). The release in force for a receipt date is the one whose validity covers it; {@code
 * amtsflow.invoice.rules.pin} fixes one for every date.
 */
final class RuleSetCatalog {

  private static final Logger log = LoggerFactory.getLogger(RuleSetCatalog.class);

  static final String CLASSPATH_FOLDER = "einvoice-rules";

  private final List<RuleSetRelease> releases;
  private final RuleSetRelease pinned;

  RuleSetCatalog(List<RuleSetRelease> releases, String pin) {
    List<RuleSetRelease> sorted =
        releases.stream().sorted(Comparator.comparing(RuleSetRelease::validFrom)).toList();
    List<RuleSetRelease> bounded = new ArrayList<>();
    for (int i = 0; i < sorted.size(); i++) {
      RuleSetRelease r = sorted.get(i);
      bounded.add(i + 1 < sorted.size() ? r.endingBefore(sorted.get(i + 1).validFrom()) : r);
    }
    if (bounded.isEmpty()) {
      throw new IllegalStateException("no e-invoice rule set release found");
    }
    this.releases = List.copyOf(bounded);
    if (pin == null || pin.isBlank()) {
      this.pinned = null;
    } else {
      this.pinned =
          byId(pin.strip())
              .orElseThrow(
                  () ->
                      new IllegalStateException(
                          "amtsflow.invoice.rules.pin names '"
                              + pin
                              + "', which is no known release; known: "
                              + ids()));
    }
  }

  /** Reads the shipped releases and those in {@code dir} (may be {@code null}). */
  static RuleSetCatalog load(Scenario.Reader reader, Path dir, String pin) {
    Map<String, RuleSetRelease> byId = new TreeMap<>();
    shipped(reader).forEach(r -> byId.put(r.id(), r));
    if (dir != null) {
      for (RuleSetRelease r : fromDirectory(reader, dir)) {
        if (byId.containsKey(r.id())) {
          log.info("rule set release {} from {} replaces the shipped one", r.id(), r.origin());
        }
        byId.put(r.id(), r);
      }
    }
    RuleSetCatalog catalog = new RuleSetCatalog(List.copyOf(byId.values()), pin);
    for (RuleSetRelease r : catalog.releases) {
      log.info(
          "rule set release {} ({}), valid {} – {}, {} scenarios, from {}",
          r.id(),
          r.name(),
          r.validFrom(),
          r.validUntil() == null ? "open" : r.validUntil(),
          r.scenarios().size(),
          r.origin());
    }
    if (catalog.pinned != null) {
      log.info("rule set release pinned to {} for every receipt date", catalog.pinned.id());
    }
    return catalog;
  }

  List<RuleSetRelease> releases() {
    return releases;
  }

  java.util.Optional<RuleSetRelease> byId(String id) {
    return releases.stream().filter(r -> r.id().equals(id)).findFirst();
  }

  /**
   * The release that judges an invoice received on this date: the pinned one, else the one whose
   * validity covers the date; before the first release the first judges, after a gap the latest
   * that started before.
   */
  RuleSetRelease inForce(LocalDate receiptDate) {
    if (pinned != null) {
      return pinned;
    }
    RuleSetRelease candidate = releases.get(0);
    for (RuleSetRelease r : releases) {
      if (r.judges(receiptDate)) {
        return r;
      }
      if (!r.validFrom().isAfter(receiptDate)) {
        candidate = r;
      }
    }
    return candidate;
  }

  private List<String> ids() {
    return releases.stream().map(RuleSetRelease::id).toList();
  }

  private static List<RuleSetRelease> shipped(Scenario.Reader reader) {
    PathMatchingResourcePatternResolver resolver =
        new PathMatchingResourcePatternResolver(RuleSetCatalog.class.getClassLoader());
    try {
      Map<String, Map<String, URL>> folders = new TreeMap<>();
      String marker = "/" + CLASSPATH_FOLDER + "/";
      for (Resource resource : resolver.getResources("classpath*:" + CLASSPATH_FOLDER + "/*/**")) {
        if (!resource.isReadable()) {
          continue; // a folder
        }
        String url = resource.getURL().toString();
        String rest = url.substring(url.lastIndexOf(marker) + marker.length());
        int slash = rest.indexOf('/');
        if (slash > 0) {
          folders
              .computeIfAbsent(rest.substring(0, slash), k -> new LinkedHashMap<>())
              .put(rest.substring(slash + 1), resource.getURL());
        }
      }
      List<RuleSetRelease> result = new ArrayList<>();
      for (Map.Entry<String, Map<String, URL>> folder : folders.entrySet()) {
        result.add(
            RuleSetRelease.read(
                folder.getKey(),
                asFiles(folder.getKey(), folder.getValue()),
                "classpath:" + CLASSPATH_FOLDER + "/" + folder.getKey(),
                reader));
      }
      return result;
    } catch (IOException e) {
      throw new UncheckedIOException("shipped rule sets cannot be listed", e);
    }
  }

  /**
   * Inside the packaged jar the files have {@code jar:nested:} URLs, which are opaque: a Schematron
   * {@code <include href="../common.sch"/>} cannot be resolved against them (it was resolved
   * against the working directory). Such a release is copied to a temporary folder first, so every
   * rule set file has a {@code file:} URL its includes resolve against.
   */
  private static Map<String, URL> asFiles(String id, Map<String, URL> files) throws IOException {
    if (files.values().stream().allMatch(u -> "file".equals(u.getProtocol()))) {
      return files;
    }
    Path root = Files.createTempDirectory("amtsflow-rules-" + id + "-");
    root.toFile().deleteOnExit();
    Map<String, URL> copied = new LinkedHashMap<>();
    for (Map.Entry<String, URL> file : files.entrySet()) {
      Path target = root.resolve(file.getKey()).normalize();
      if (!target.startsWith(root)) {
        throw new IllegalStateException(file.getKey() + " lies outside its release folder");
      }
      Files.createDirectories(target.getParent());
      try (java.io.InputStream in = file.getValue().openStream()) {
        Files.copy(in, target);
      }
      target.toFile().deleteOnExit();
      copied.put(file.getKey(), url(target));
    }
    return copied;
  }

  private static List<RuleSetRelease> fromDirectory(Scenario.Reader reader, Path dir) {
    if (!Files.isDirectory(dir)) {
      throw new IllegalStateException(
          "amtsflow.invoice.rules.dir (AMTSFLOW_RULES_DIR) names "
              + dir
              + ", which is no folder; point it at a folder holding one folder per release, or"
              + " leave it empty");
    }
    List<RuleSetRelease> result = new ArrayList<>();
    try (Stream<Path> children = Files.list(dir)) {
      for (Path folder : children.filter(Files::isDirectory).sorted().toList()) {
        Map<String, URL> files = new LinkedHashMap<>();
        try (Stream<Path> walk = Files.walk(folder)) {
          for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
            files.put(folder.relativize(file).toString().replace('\\', '/'), url(file));
          }
        }
        if (files.keySet().stream().noneMatch(p -> p.endsWith(RuleSetRelease.SCENARIOS))) {
          log.warn(
              "{} holds no {}: not a rule set release, skipped", folder, RuleSetRelease.SCENARIOS);
          continue;
        }
        result.add(
            RuleSetRelease.read(folder.getFileName().toString(), files, folder.toString(), reader));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("rule sets in " + dir + " cannot be read", e);
    }
    return result;
  }

  private static URL url(Path file) {
    try {
      return file.toUri().toURL();
    } catch (MalformedURLException e) {
      throw new IllegalStateException(e);
    }
  }
}
