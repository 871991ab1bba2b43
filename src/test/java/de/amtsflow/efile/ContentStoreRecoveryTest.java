package de.amtsflow.efile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

/**
 * What a process that died mid-write leaves in the content folder, and what the next start of the
 * node makes of it: blobs of transactions that never committed go, committed ones stay, another
 * node's fresh work is not touched.
 */
class ContentStoreRecoveryTest {

  @TempDir Path dir;

  ContentStore node(String name) {
    return new ContentStore(
        new EFileProperties(dir, DataSize.ofMegabytes(1), List.of(), Map.of()),
        new NodeId(name, 8080));
  }

  ContentStore.Staged staged(ContentStore store, String text) throws Exception {
    return store.stage(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), 1 << 20);
  }

  @Test
  void aRestartRemovesBlobsOfUncommittedWritesAndKeepsCommittedOnes() throws Exception {
    ContentStore a = node("a");
    ContentStore.Staged committed = staged(a, "committed before the crash");
    ContentStore.Staged uncommitted = staged(a, "placed, then the process died");
    a.commit(committed);
    a.commit(uncommitted);
    staged(a, "still being uploaded");
    // kill -9 here: no transaction ended, markers and a staging file are left behind

    ContentStore restarted = node("a");
    int removed = restarted.recover(Set.of(committed.sha256())::contains, Duration.ofHours(1));

    assertThat(removed).isEqualTo(1);
    assertThat(restarted.exists(committed.sha256())).isTrue();
    assertThat(restarted.exists(uncommitted.sha256())).isFalse();
    assertThat(leftovers()).isZero();
  }

  @Test
  void aRestartLeavesAnotherNodesWorkInFlightAlone() throws Exception {
    ContentStore a = node("a");
    ContentStore b = node("b");
    ContentStore.Staged inFlightOnB = staged(b, "node b is still in its transaction");
    b.commit(inFlightOnB);

    int removed = node("a").recover(sha -> false, Duration.ofHours(1));

    assertThat(removed).isZero();
    assertThat(a.exists(inFlightOnB.sha256())).isTrue();
  }

  @Test
  void aCommitThatReusedABlobRemovedMeanwhilePutsItBack() throws Exception {
    ContentStore a = node("a");
    a.commit(staged(a, "same bytes"));
    ContentStore.Staged second = staged(a, "same bytes");
    ContentStore.Pending reuse = a.commit(second);
    assertThat(reuse.created()).isFalse();
    a.remove(second.sha256());

    a.settled(reuse, true, sha -> true);

    assertThat(a.exists(second.sha256())).isTrue();
    assertThat(a.hashOf(second.sha256())).isEqualTo(second.sha256());
  }

  @Test
  void aRollbackKeepsABlobThatAnotherTransactionIsReusing() throws Exception {
    ContentStore a = node("a");
    ContentStore b = node("b");
    ContentStore.Pending first = a.commit(staged(a, "one plan, two applications"));
    ContentStore.Pending reuse = b.commit(staged(b, "one plan, two applications"));

    // the first transaction rolls back while the second (on another node) has not committed yet
    a.settled(first, false, sha -> false);
    assertThat(a.exists(first.sha256())).isTrue();

    b.settled(reuse, true, sha -> true);
    assertThat(b.exists(first.sha256())).isTrue();
    assertThat(leftovers()).isZero();
  }

  @Test
  void aRollbackRemovesTheBlobItCreatedWhenNothingElseUsesIt() throws Exception {
    ContentStore a = node("a");
    ContentStore.Pending only = a.commit(staged(a, "rolled back"));

    a.settled(only, false, sha -> false);

    assertThat(a.exists(only.sha256())).isFalse();
    assertThat(leftovers()).isZero();
  }

  long leftovers() throws Exception {
    long count = 0;
    for (String folder : new String[] {"staging", "pending"}) {
      try (Stream<Path> files = Files.walk(dir.resolve(folder))) {
        count += files.filter(Files::isRegularFile).count();
      }
    }
    return count;
  }
}
