package de.amtsflow.bench.load;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;

/**
 * Compacts the H2 files of a stopped app and records their size before and after. H2's store
 * appends every commit and frees old chunks only later, so its file grows by far more than the data
 * (with {@code WRITE_DELAY=0} one chunk per commit); the compacted size is the data itself.
 */
final class H2Compact {

  private H2Compact() {}

  static void run(Options options) throws IOException, SQLException {
    Path dir = options.path("dir");
    List<Path> stores;
    try (Stream<Path> files = Files.list(dir)) {
      stores = files.filter(p -> p.getFileName().toString().endsWith(".mv.db")).toList();
    }
    long before = 0;
    long after = 0;
    for (Path store : stores) {
      before += Files.size(store);
      String name = store.toString().substring(0, store.toString().length() - ".mv.db".length());
      // both apps use H2's default user sa with an empty password
      try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + name, "sa", "");
          Statement s = c.createStatement()) {
        s.execute("SHUTDOWN COMPACT");
      }
      after += Files.size(store);
    }
    ObjectNode record = Jsonl.object();
    record.put("type", "compact");
    record.put("db", options.get("db"));
    record.put("app", options.get("app"));
    record.put("phase", options.get("phase"));
    record.put("fileBytes", before);
    record.put("compactBytes", after);
    Jsonl.append(options.path("out"), record);
    System.out.printf(
        "  [%s %s] H2 file %s: %d B, compacted %d B%n",
        options.get("db"), options.get("app"), options.get("phase"), before, after);
  }
}
