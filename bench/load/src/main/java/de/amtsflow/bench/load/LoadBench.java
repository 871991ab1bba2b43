package de.amtsflow.bench.load;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;

/**
 * The Java side of {@code bench/run-throughput-bench} and {@code bench/run-scale-bench}; the script
 * starts and stops the apps and the databases, this measures and reports.
 *
 * <pre>
 * drive  --db h2|postgres --app ours|vanilla --base URL --workloads intake,submit|start
 *        --clients 1,8,32,64 --seconds S --ramp S --warmup S --fill N --drain-max S
 *        --invoice FILE --permit FILE [--user name:password] (--h2-dir DIR | --pg-database NAME)
 *        [--content-dir DIR] --out run.jsonl
 * record --out run.jsonl --type T --name value ...   one record (numbers stay numbers)
 * report --in run.jsonl --results DIR [--readme FILE]
 * h2-compact --dir DIR --db h2 --app A --phase empty|end --out run.jsonl   (app stopped)
 * scale templates|fill|measure|report ...   bench/run-scale-bench, see Scale's Javadoc
 * free-port
 * </pre>
 */
public final class LoadBench {

  private LoadBench() {}

  public static void main(String[] args) throws Exception {
    if (args.length == 0) {
      System.err.println(
          "usage: drive | record | report | h2-compact | scale | free-port, see LoadBench's"
              + " Javadoc");
      System.exit(2);
    }
    switch (args[0]) {
      case "drive" -> new Drive(Options.parse(args, 1)).run();
      case "record" -> record(Options.parse(args, 1));
      case "report" -> Report.write(Options.parse(args, 1));
      case "h2-compact" -> H2Compact.run(Options.parse(args, 1));
      case "scale" -> Scale.main(args[1], Options.parse(args, 2));
      case "free-port" -> System.out.println(freePort());
      default -> throw new IllegalArgumentException("unknown command " + args[0]);
    }
  }

  private static void record(Options options) throws IOException {
    ObjectNode record = Jsonl.object();
    for (Map.Entry<String, String> e : options.values.entrySet()) {
      if (e.getKey().equals("out")) {
        continue;
      }
      String value = e.getValue();
      if (value.matches("-?\\d{1,15}")) {
        record.put(e.getKey(), Long.parseLong(value));
      } else if (value.matches("-?\\d{1,15}\\.\\d+")) {
        record.put(e.getKey(), Double.parseDouble(value));
      } else {
        record.put(e.getKey(), value);
      }
    }
    Jsonl.append(options.path("out"), record);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
