package de.amtsflow.bench.load;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;

/**
 * {@code clients} threads, each sending its next request as soon as the last was answered (a closed
 * loop, as users at a form or an access point posting one invoice after another). The first {@code
 * rampSeconds} are not recorded; of the requests sent in the {@code seconds} after, every one is
 * recorded to its answer, so slow answers at the end of the window are not lost. Throughput is the
 * successful ones among them divided by the window.
 */
final class ClosedLoop {

  /** Latencies up to two minutes (the client gives up after one) with three significant digits. */
  private static final long MAX_MICROS = TimeUnit.MINUTES.toMicros(2);

  /**
   * What one step measured. Latencies in milliseconds, of successful requests only; {@code created}
   * counts every successful request, the ramp's too (the cases the database now holds).
   */
  record Result(
      int clients,
      double seconds,
      long ok,
      Map<String, Long> errors,
      String firstError,
      double throughput,
      double p50,
      double p90,
      double p99,
      double max,
      double mean,
      List<Window> windows,
      long created) {

    long errorCount() {
      return errors.values().stream().mapToLong(Long::longValue).sum();
    }
  }

  /** One slice of the window: for a soak, the first and last slice's p99 are compared. */
  record Window(int index, long ok, double p99) {}

  private ClosedLoop() {}

  static Result run(
      HttpClient http,
      Workload workload,
      int clients,
      double rampSeconds,
      double seconds,
      double windowSeconds)
      throws InterruptedException {
    return run(http, List.of(workload), clients, rampSeconds, seconds, windowSeconds);
  }

  /** As above, client {@code i} sending {@code workloads[i % n]}: a mixed load. */
  static Result run(
      HttpClient http,
      List<Workload> workloads,
      int clients,
      double rampSeconds,
      double seconds,
      double windowSeconds)
      throws InterruptedException {
    long start = System.nanoTime() + seconds(rampSeconds);
    long end = start + seconds(seconds);
    int slices = (int) Math.ceil(seconds / windowSeconds);
    return run(http, workloads, clients, start, end, seconds(windowSeconds), slices, null, seconds);
  }

  /** {@code requests} requests in all, from {@code clients} clients, all recorded. */
  static Result count(HttpClient http, Workload workload, int clients, long requests)
      throws InterruptedException {
    long start = System.nanoTime();
    AtomicLong budget = new AtomicLong(requests);
    Result r =
        run(http, List.of(workload), clients, start, Long.MAX_VALUE, Long.MAX_VALUE, 1, budget, 1);
    double seconds = (System.nanoTime() - start) / 1e9;
    return new Result(
        r.clients(),
        seconds,
        r.ok(),
        r.errors(),
        r.firstError(),
        r.ok() / seconds,
        r.p50(),
        r.p90(),
        r.p99(),
        r.max(),
        r.mean(),
        r.windows(),
        r.created());
  }

  private static Result run(
      HttpClient http,
      List<Workload> workloads,
      int clients,
      long start,
      long end,
      long slice,
      int slices,
      AtomicLong budget,
      double seconds)
      throws InterruptedException {
    List<Client> all = new ArrayList<>();
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < clients; i++) {
      Client client =
          new Client(http, workloads.get(i % workloads.size()), start, end, slice, slices, budget);
      all.add(client);
      Thread thread = new Thread(client, "client-" + i);
      thread.start();
      threads.add(thread);
    }
    for (Thread thread : threads) {
      thread.join();
    }

    Histogram total = histogram();
    List<Window> windows = new ArrayList<>();
    Map<String, Long> errors = new TreeMap<>();
    String firstError = null;
    for (int s = 0; s < slices; s++) {
      Histogram h = histogram();
      for (Client client : all) {
        h.add(client.slices[s]);
      }
      total.add(h);
      windows.add(new Window(s, h.getTotalCount(), millis(h.getValueAtPercentile(99))));
    }
    long created = 0;
    for (Client client : all) {
      created += client.created;
      client.errors.forEach((k, v) -> errors.merge(k, v, Long::sum));
      if (firstError == null) {
        firstError = client.firstError;
      }
    }
    long ok = total.getTotalCount();
    return new Result(
        clients,
        seconds,
        ok,
        errors,
        firstError,
        ok / seconds,
        millis(total.getValueAtPercentile(50)),
        millis(total.getValueAtPercentile(90)),
        millis(total.getValueAtPercentile(99)),
        millis(total.getMaxValue()),
        total.getTotalCount() == 0 ? 0 : total.getMean() / 1000.0,
        windows,
        created);
  }

  private static final class Client implements Runnable {
    private final HttpClient http;
    private final Workload workload;
    private final long start;
    private final long end;
    private final long slice;
    // requests left to send, shared by the clients; null: until the end of the window
    private final AtomicLong budget;
    final Histogram[] slices;
    final Map<String, Long> errors = new TreeMap<>();
    String firstError;
    long created;

    Client(
        HttpClient http,
        Workload workload,
        long start,
        long end,
        long slice,
        int count,
        AtomicLong budget) {
      this.http = http;
      this.budget = budget;
      this.workload = workload;
      this.start = start;
      this.end = end;
      this.slice = slice;
      this.slices = new Histogram[count];
      for (int i = 0; i < count; i++) {
        slices[i] = histogram();
      }
    }

    @Override
    public void run() {
      long sent;
      while ((sent = System.nanoTime()) < end && (budget == null || budget.getAndDecrement() > 0)) {
        String error = null;
        try {
          HttpResponse<String> answer =
              http.send(workload.next(), HttpResponse.BodyHandlers.ofString());
          if (answer.statusCode() != workload.kind.expectedStatus) {
            error = Integer.toString(answer.statusCode());
            remember(answer.statusCode() + ": " + answer.body());
          }
        } catch (HttpTimeoutException e) {
          error = "timeout";
          remember(e.toString());
        } catch (IOException e) {
          error = "io";
          remember(e.toString());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
        long micros = (System.nanoTime() - sent) / 1000;
        if (error == null) {
          created++;
        }
        if (sent < start) {
          continue;
        }
        if (error != null) {
          errors.merge(error, 1L, Long::sum);
        } else {
          slices[(int) ((sent - start) / slice)].recordValue(Math.min(micros, MAX_MICROS));
        }
      }
    }

    private void remember(String error) {
      if (firstError == null) {
        firstError = error.length() > 300 ? error.substring(0, 300) : error;
      }
    }
  }

  static Histogram histogram() {
    return new Histogram(MAX_MICROS, 3);
  }

  static double millis(long micros) {
    return Math.round(micros / 100.0) / 10.0;
  }

  private static long seconds(double s) {
    return (long) (s * 1_000_000_000L);
  }
}
