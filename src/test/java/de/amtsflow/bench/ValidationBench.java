package de.amtsflow.bench;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import de.amtsflow.invoice.InvoiceValidator;
import de.amtsflow.invoice.ValidationResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.mustangproject.validator.ZUGFeRDValidator;
import org.slf4j.LoggerFactory;

/**
 * Validation benchmark: {@link InvoiceValidator} against Mustang's per-call {@code
 * ZUGFeRDValidator} over the KoSIT XRechnung testsuite, same JVM, same files, interleaved per file.
 * Usage: {@code ValidationBench <corpus dir> [rounds] [results dir]}; see bench/README.md.
 */
public final class ValidationBench {

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private static final int WARM_UP_ROUNDS = 5;

  private record Sample(
      String file, long[] oursNanos, long[] mustangNanos, long[] oursCpu, long[] mustangCpu) {}

  public static void main(String[] args) throws IOException {
    if (args.length < 1) {
      System.err.println(
          "usage: ValidationBench <corpus dir> [rounds=5] [results dir=bench/results]");
      System.exit(2);
    }
    Path corpus = Path.of(args[0]).resolve("xrechnung-testsuite");
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    Path resultsDir = Path.of(args.length > 2 ? args[2] : "bench/results");
    // Mustang logs every rule at INFO; a console full of it would time the logger, not the rules
    ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(Level.OFF);

    Map<String, byte[]> files = new LinkedHashMap<>();
    try (Stream<Path> paths = Files.walk(corpus)) {
      paths
          .filter(p -> p.toString().endsWith(".xml"))
          .sorted()
          .forEach(p -> files.put(corpus.relativize(p).toString(), read(p)));
    }
    InvoiceValidator ours = new InvoiceValidator();

    // warm-up: compile rule sets, load classes, let the JIT see every file once per validator
    Map<String, Boolean> oursValid = new LinkedHashMap<>();
    Map<String, Boolean> mustangValid = new LinkedHashMap<>();
    for (int w = 0; w < WARM_UP_ROUNDS; w++) {
      for (Map.Entry<String, byte[]> f : files.entrySet()) {
        oursValid.put(f.getKey(), ours.validate(f.getValue()).valid());
        mustangValid.put(f.getKey(), mustang(f.getKey(), f.getValue()));
      }
    }

    List<Sample> samples = new ArrayList<>();
    for (String name : files.keySet()) {
      samples.add(
          new Sample(name, new long[rounds], new long[rounds], new long[rounds], new long[rounds]));
    }
    for (int r = 0; r < rounds; r++) {
      for (Sample s : samples) {
        byte[] content = files.get(s.file());
        long c0 = THREADS.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        ValidationResult result = ours.validate(content);
        long t1 = System.nanoTime();
        long c1 = THREADS.getCurrentThreadCpuTime();
        boolean mustangVerdict = mustang(s.file(), content);
        long t2 = System.nanoTime();
        long c2 = THREADS.getCurrentThreadCpuTime();
        s.oursNanos()[r] = t1 - t0;
        s.mustangNanos()[r] = t2 - t1;
        s.oursCpu()[r] = c1 - c0;
        s.mustangCpu()[r] = c2 - c1;
        if (result.valid() != oursValid.get(s.file())
            || mustangVerdict != mustangValid.get(s.file())) {
          throw new IllegalStateException("verdict changed between rounds for " + s.file());
        }
      }
    }

    long[] allOurs = samples.stream().flatMapToLong(s -> Arrays.stream(s.oursNanos())).toArray();
    long[] allMustang =
        samples.stream().flatMapToLong(s -> Arrays.stream(s.mustangNanos())).toArray();
    long[] cpuOurs = samples.stream().flatMapToLong(s -> Arrays.stream(s.oursCpu())).toArray();
    long[] cpuMustang =
        samples.stream().flatMapToLong(s -> Arrays.stream(s.mustangCpu())).toArray();
    long oursOk = oursValid.values().stream().filter(v -> v).count();
    long mustangOk = mustangValid.values().stream().filter(v -> v).count();
    long agree =
        files.keySet().stream().filter(f -> oursValid.get(f) == mustangValid.get(f)).count();

    String release = ours.validate(files.values().iterator().next()).ruleSetRelease();
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            Locale.ROOT,
            "Validation benchmark %s: %d files of xrechnung-testsuite x %d rounds (after %d"
                + " warm-up rounds), ours with rule set release %s, Java %s, %d cores, load"
                + " average %.1f%n%n",
            LocalDate.now(),
            files.size(),
            rounds,
            WARM_UP_ROUNDS,
            release,
            System.getProperty("java.version"),
            Runtime.getRuntime().availableProcessors(),
            ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
    out.append(table("wall time per invoice [ms]", allOurs, allMustang));
    out.append(table("CPU time per invoice [ms]", cpuOurs, cpuMustang));
    out.append(
        String.format(
            Locale.ROOT,
            "%nverdicts: ours valid %d/%d, Mustang valid %d/%d, agreement %d/%d%n",
            oursOk,
            files.size(),
            mustangOk,
            files.size(),
            agree,
            files.size()));
    for (String f : files.keySet()) {
      if (oursValid.get(f) != mustangValid.get(f)) {
        out.append(
            String.format(
                Locale.ROOT,
                "  differs: %s (ours %s, Mustang %s)%n",
                f,
                verdict(oursValid.get(f)),
                verdict(mustangValid.get(f))));
      }
    }
    out.append(String.format(Locale.ROOT, "%nper file median [ms]: ours / Mustang%n"));
    for (Sample s : samples) {
      out.append(
          String.format(
              Locale.ROOT,
              "  %8.2f %8.2f  %s%n",
              millis(percentile(s.oursNanos(), 50)),
              millis(percentile(s.mustangNanos(), 50)),
              s.file()));
    }
    System.out.print(out);
    Files.createDirectories(resultsDir);
    Path report = resultsDir.resolve("validation-" + LocalDate.now() + ".txt");
    Files.writeString(report, out);
    System.out.println("\nwritten to " + report);
  }

  private static boolean mustang(String name, byte[] content) {
    ZUGFeRDValidator validator = new ZUGFeRDValidator();
    validator.validate(content, name);
    return validator.wasCompletelyValid();
  }

  private static String table(String title, long[] ours, long[] mustang) {
    return String.format(Locale.ROOT, "%-30s %10s %10s %10s%n", title, "median", "p90", "max")
        + row("amtsflow InvoiceValidator", ours)
        + row("Mustang ZUGFeRDValidator", mustang);
  }

  private static String row(String label, long[] nanos) {
    return String.format(
        Locale.ROOT,
        "%-30s %10.2f %10.2f %10.2f%n",
        label,
        millis(percentile(nanos, 50)),
        millis(percentile(nanos, 90)),
        millis(percentile(nanos, 100)));
  }

  /** Nearest-rank percentile. */
  static long percentile(long[] values, int p) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }

  private static double millis(long nanos) {
    return nanos / 1_000_000.0;
  }

  private static String verdict(boolean valid) {
    return valid ? "valid" : "invalid";
  }

  private static byte[] read(Path p) {
    try {
      return Files.readAllBytes(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
