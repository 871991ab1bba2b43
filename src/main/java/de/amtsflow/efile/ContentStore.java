package de.amtsflow.efile;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.UUID;
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

  private static final int HEAD_BYTES = 8192;

  private final Path root;
  private final Path staging;

  ContentStore(EFileProperties properties) {
    this.root = properties.contentDir().toAbsolutePath().normalize();
    this.staging = root.resolve("staging");
    try {
      Files.createDirectories(staging);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create content folder " + root, e);
    }
  }

  /** Bytes written to a private staging file, hashed and measured on the way. */
  record Staged(Path file, String sha256, long size, byte[] head) {}

  /**
   * Copies the stream to a staging file, stopping as soon as it exceeds {@code maxBytes}.
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
        OutputStream out = Files.newOutputStream(file)) {
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
   * Moves staged bytes to their content address.
   *
   * @return true if a new blob was created, false if equal bytes were already stored
   */
  boolean commit(Staged staged) throws IOException {
    Path target = pathOf(staged.sha256());
    if (Files.exists(target)) {
      Files.deleteIfExists(staged.file());
      return false;
    }
    Files.createDirectories(target.getParent());
    try {
      Files.move(staged.file(), target, StandardCopyOption.ATOMIC_MOVE);
    } catch (FileAlreadyExistsException e) {
      Files.deleteIfExists(staged.file());
      return false;
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(staged.file(), target);
    }
    target.toFile().setReadOnly();
    return true;
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
