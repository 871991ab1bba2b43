package de.amtsflow.efile;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The content folder after a crash: at start-up, before the web server and the job executor run,
 * this node removes its staging leftovers and the blobs it had moved into place for transactions
 * that never committed ({@link ContentStore#recover}). And, for operators and the crash tests, a
 * check that the folder and the database agree: no blob without a version (orphan), no version
 * without its blob (missing).
 */
@Component
class ContentRecovery implements SmartInitializingSingleton {

  private static final Logger log = LoggerFactory.getLogger(ContentRecovery.class);

  private final ContentStore content;
  private final DocumentVersionRepository versions;
  private final Duration grace;

  ContentRecovery(
      ContentStore content,
      DocumentVersionRepository versions,
      // longer than any transaction: another node's leftovers older than this are abandoned
      @Value("${amtsflow.efile.abandoned-after:PT1H}") Duration grace) {
    this.content = content;
    this.versions = versions;
    this.grace = grace;
  }

  @Override
  public void afterSingletonsInstantiated() {
    int removed = content.recover(versions::existsBySha256, grace);
    if (removed > 0) {
      log.warn("content folder: removed {} blob(s) of transactions that never committed", removed);
    }
  }

  /** Blobs in the folder versus versions in the database. */
  record ContentCheck(
      int blobs, int referenced, List<String> orphans, List<String> missing, boolean consistent) {}

  ContentCheck check() {
    // versions first: a blob placed for a transaction that commits in between is then an orphan
    // of this check at worst, never a missing one
    Set<String> referenced = versions.allSha256();
    Set<String> blobs = content.blobs();
    Set<String> orphans = new HashSet<>(blobs);
    orphans.removeAll(referenced);
    Set<String> missing = new HashSet<>(referenced);
    missing.removeAll(blobs);
    return new ContentCheck(
        blobs.size(),
        referenced.size(),
        orphans.stream().sorted().toList(),
        missing.stream().sorted().toList(),
        orphans.isEmpty() && missing.isEmpty());
  }
}
