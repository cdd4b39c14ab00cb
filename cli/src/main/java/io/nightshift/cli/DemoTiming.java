package io.nightshift.cli;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Where the demo's wall time went, printed at its end: start-up (from the JVM's start to the runtime being ready:
 * the Temporal dev server, the workers and the API), the task (submitted to finished, as the follower saw it) and
 * the report (fetched and saved). Issue 16's target is the whole demo in 60 s on two cores; this line is how a run
 * shows which part to look at.
 */
final class DemoTiming {
  private final Instant jvmStart;
  private Instant ready;
  private Instant submitted;
  private Instant finished;

  DemoTiming(Instant jvmStart) {
    this.jvmStart = jvmStart;
  }

  /** Timed from this JVM's start, as the operating system saw it (class loading and option parsing included). */
  static DemoTiming sinceJvmStart() {
    return new DemoTiming(Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime()));
  }

  void ready(Instant at) {
    ready = at;
  }

  void submitted(Instant at) {
    submitted = at;
  }

  void finished(Instant at) {
    finished = at;
  }

  /** One line: the total up to {@code end}, then each part that was reached. */
  String line(Instant end) {
    List<String> parts = new ArrayList<>();
    if (ready != null) {
      parts.add("start-up " + seconds(jvmStart, ready)
          + " (JVM start to runtime ready: Temporal dev server, workers, API)");
    }
    if (submitted != null && finished != null) {
      parts.add("task " + seconds(submitted, finished) + " (submitted to finished)");
      parts.add("report " + seconds(finished, end));
    }
    return "Demo wall time " + seconds(jvmStart, end) + (parts.isEmpty() ? "" : ": " + String.join(", ", parts));
  }

  private static String seconds(Instant from, Instant to) {
    return String.format(Locale.ROOT, "%.1f s", Duration.between(from, to).toMillis() / 1000.0);
  }
}
