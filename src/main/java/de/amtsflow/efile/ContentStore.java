package de.amtsflow.efile;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Content-addressed blob store on the file system: a blob's path is its SHA-256, so equal bytes are
 * stored once and a blob never changes after it is written.
 *
 * <p>Files rather than database BLOBs: documents (plans, scans) are large and write-once, the
 * database stays small and fast to back up and migrate, deduplication falls out of the naming, and
 * an auditor can verify a blob with {@code sha256sum}. In a cluster the content folder is a shared
 * volume.
 */
@Component
class ContentStore {

  private static final Logger log = LoggerFactory.getLogger(ContentStore.class);
  static final int HEAD_BYTES = 8192;

  private final Path root;
  private final Path staging;
  private final Path pendingRoot;
  private final Path pending;

  ContentStore(EFileProperties properties, NodeId node) {
    this.root = properties.contentDir().toAbsolutePath().normalize();
    // per node: a restarted node clears its own leftovers without touching another node's work
    this.staging = root.resolve("staging").resolve(node.value());
    this.pendingRoot = root.resolve("pending");
    this.pending = pendingRoot.resolve(node.value());
    try {
      Files.createDirectories(staging);
      Files.createDirectories(pending);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create content folder " + root, e);
    }
  }

  /** Bytes written to a private staging file, hashed and measured on the way. */
  record Staged(Path file, String sha256, long size, byte[] head) {}

  /**
   * A blob in use by a transaction that has not ended yet: {@code created} if this transaction
   * moved it into place, otherwise it reuses equal bytes stored before (and keeps its staged copy).
   * The marker file names the blob and holds the staged copy's path (for recovery after a crash).
   */
  record Pending(Path marker, String sha256, boolean created, Path stagedCopy) {}

  /**
   * Copies the stream to a staging file, stopping as soon as it exceeds {@code maxBytes}. The bytes
   * are forced to the disk: the database row that will point at them survives a power loss on
   * PostgreSQL, so must they.
   *
   * @return the staged content, or {@code null} if it was larger than {@code maxBytes}
   */
  Staged stage(InputStream in, long maxBytes) throws IOException {
    Path file = staging.resolve(UUID.randomUUID() + ".part");
    MessageDigest digest = AuditChain.sha256();
    byte[] head = new byte[0];
    long size = 0;
    boolean ok = false;
    try (DigestInputStream din = new DigestInputStream(in, digest);
        FileChannel channel =
            FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        OutputStream out = Channels.newOutputStream(channel)) {
      byte[] buffer = new byte[64 * 1024];
      int n;
      while ((n = din.read(buffer)) != -1) {
        if (size < HEAD_BYTES) {
          int take = (int) Math.min(n, HEAD_BYTES - size);
          byte[] grown = new byte[head.length + take];
          System.arraycopy(head, 0, grown, 0, head.length);
          System.arraycopy(buffer, 0, grown, head.length, take);
          head = grown;
        }
        size += n;
        if (size > maxBytes) {
          return null;
        }
        out.write(buffer, 0, n);
      }
      channel.force(true);
      ok = true;
    } finally {
      if (!ok) {
        Files.deleteIfExists(file);
      }
    }
    return new Staged(file, HexFormat.of().formatHex(digest.digest()), size, head);
  }

  void discard(Staged staged) {
    try {
      Files.deleteIfExists(staged.file());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Moves staged bytes to their content address, or reuses equal bytes stored before. Either way a
   * pending marker stays until the transaction that references them ends ({@link #settled}): while
   * it exists no rollback or crash recovery elsewhere removes the blob, and if the process dies
   * first, the node's next start finds it ({@link #recover}).
   */
  Pending commit(Staged staged) throws IOException {
    Path target = pathOf(staged.sha256());
    Path marker = pending.resolve(staged.sha256() + "." + UUID.randomUUID());
    Files.writeString(marker, staged.file().toString());
    fsyncDirectory(pending);
    if (Files.exists(target)) {
      return new Pending(marker, staged.sha256(), false, staged.file());
    }
    Files.createDirectories(target.getParent());
    try {
      Files.move(staged.file(), target, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(staged.file(), target, StandardCopyOption.REPLACE_EXISTING);
    }
    target.toFile().setReadOnly();
    fsyncDirectory(target.getParent());
    return new Pending(marker, staged.sha256(), true, staged.file());
  }

  /**
   * The transaction of a pending blob ended. A rolled-back one that created the blob removes it if
   * no committed version references it and no other transaction (here or on another node) holds a
   * marker for the same bytes; a committed one that reused a blob puts its staged copy in place
   * should the blob be gone. Then the marker and the staged copy are removed.
   */
  void settled(Pending blob, boolean committed, Predicate<String> referenced) {
    try {
      Path target = pathOf(blob.sha256());
      Path stagedCopy = blob.stagedCopy();
      if (committed && !Files.exists(target) && Files.exists(stagedCopy)) {
        log.warn("blob {} was removed while a transaction reused it; restored", blob.sha256());
        placeStagedCopy(stagedCopy, target);
      } else if (!committed
          && blob.created()
          && !referenced.test(blob.sha256())
          && !markedElsewhere(blob.sha256(), List.of(blob.marker()))) {
        Files.deleteIfExists(target);
      }
      Files.deleteIfExists(stagedCopy);
      Files.deleteIfExists(blob.marker());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void placeStagedCopy(Path stagedCopy, Path target) throws IOException {
    Files.createDirectories(target.getParent());
    Files.move(stagedCopy, target, StandardCopyOption.ATOMIC_MOVE);
    target.toFile().setReadOnly();
    fsyncDirectory(target.getParent());
  }

  /**
   * Cleans up after a crash, before this node serves requests: its staging files, and the blobs of
   * its pending markers that no committed version references (and no other node is placing). Other
   * nodes' leftovers are cleaned once they are older than {@code grace}.
   *
   * @return the number of blobs removed
   */
  int recover(Predicate<String> referenced, Duration grace) {
    Instant cutoff = Instant.now().minus(grace);
    int removed = 0;
    try {
      List<Path> markers = new ArrayList<>();
      try (Stream<Path> nodes = Files.list(pendingRoot)) {
        for (Path dir : nodes.filter(Files::isDirectory).toList()) {
          try (Stream<Path> files = Files.list(dir)) {
            files.filter(p -> dir.equals(pending) || olderThan(p, cutoff)).forEach(markers::add);
          }
        }
      }
      for (Path marker : markers) {
        String sha256 = marker.getFileName().toString().split("\\.")[0];
        Path target = pathOf(sha256);
        Path stagedCopy = stagedCopyOf(marker);
        if (referenced.test(sha256)) {
          // committed, but the node died before it could put back a blob removed meanwhile
          if (!Files.exists(target) && stagedCopy != null && Files.exists(stagedCopy)) {
            placeStagedCopy(stagedCopy, target);
          }
        } else if (!markedElsewhere(sha256, markers) && Files.deleteIfExists(target)) {
          removed++;
        }
        Files.deleteIfExists(marker);
      }
      deleteFiles(staging, p -> true);
      try (Stream<Path> stagingDirs = Files.list(staging.getParent())) {
        for (Path dir : stagingDirs.filter(Files::isDirectory).toList()) {
          deleteFiles(dir, p -> olderThan(p, cutoff));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot recover content folder " + root, e);
    }
    return removed;
  }

  private static Path stagedCopyOf(Path marker) {
    try {
      String path = Files.readString(marker);
      return path.isBlank() ? null : Path.of(path);
    } catch (IOException unreadable) {
      return null;
    }
  }

  /** Another transaction's marker for the same bytes: it may still commit. */
  private boolean markedElsewhere(String sha256, List<Path> excluded) throws IOException {
    try (Stream<Path> nodes = Files.list(pendingRoot)) {
      for (Path dir : nodes.filter(Files::isDirectory).toList()) {
        try (Stream<Path> files = Files.list(dir)) {
          if (files.anyMatch(
              p -> p.getFileName().toString().startsWith(sha256) && !excluded.contains(p))) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /** Every stored blob's SHA-256, for the consistency check. */
  Set<String> blobs() {
    Path base = root.resolve("sha256");
    if (!Files.isDirectory(base)) {
      return Set.of();
    }
    try (Stream<Path> files = Files.walk(base)) {
      return files
          .filter(Files::isRegularFile)
          .map(p -> p.getFileName().toString())
          .filter(n -> n.matches("[0-9a-f]{64}"))
          .collect(Collectors.toSet());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void deleteFiles(Path dir, Predicate<Path> which) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.filter(Files::isRegularFile).filter(which).toList()) {
        Files.deleteIfExists(file);
      }
    }
  }

  private static boolean olderThan(Path file, Instant cutoff) {
    try {
      return Files.getLastModifiedTime(file).toInstant().isBefore(cutoff);
    } catch (IOException vanished) {
      return false;
    }
  }

  // a rename or a new file is durable only once its directory is
  private static void fsyncDirectory(Path dir) throws IOException {
    try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException notSupported) {
      // some file systems (and Windows) cannot open a directory; the rename still happened
    }
  }

  /** Removes a blob this store created for a write that was then rolled back. */
  void remove(String sha256) {
    try {
      Files.deleteIfExists(pathOf(sha256));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  InputStream open(String sha256) throws IOException {
    return Files.newInputStream(pathOf(sha256));
  }

  boolean exists(String sha256) {
    return Files.isRegularFile(pathOf(sha256));
  }

  /** Recomputes the SHA-256 of a stored blob. */
  String hashOf(String sha256) throws IOException {
    MessageDigest digest = AuditChain.sha256();
    try (InputStream in = new DigestInputStream(open(sha256), digest)) {
      in.transferTo(OutputStream.nullOutputStream());
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  Path pathOf(String sha256) {
    if (!sha256.matches("[0-9a-f]{64}")) {
      throw new IllegalArgumentException("not a SHA-256: " + sha256);
    }
    return root.resolve("sha256")
        .resolve(sha256.substring(0, 2))
        .resolve(sha256.substring(2, 4))
        .resolve(sha256);
  }
}
