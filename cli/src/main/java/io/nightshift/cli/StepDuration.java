package io.nightshift.cli;

import com.google.protobuf.Timestamp;
import io.nightshift.api.v1.Step;
import java.time.Duration;
import java.time.Instant;

/**
 * How long a step took, as its task's workflow recorded it (Step.started_at / ended_at), for a terminal line:
 * "(1m 05s)", "(running 12s)", with the attempts when it was retried and a map's items done. Empty for a step that
 * has not started, or that a worker older than step times ran.
 */
final class StepDuration {
  private StepDuration() {}

  /** @param now what "running" is measured up to */
  static String of(Step s, Instant now) {
    if (!s.hasStartedAt()) {
      return "";
    }
    Instant start = instant(s.getStartedAt());
    StringBuilder text = new StringBuilder("(");
    if (s.hasEndedAt()) {
      text.append(format(Duration.between(start, instant(s.getEndedAt()))));
    } else {
      text.append("running ").append(format(Duration.between(start, now)));
    }
    if (s.getAttempts() > 1) {
      text.append(", ").append(s.getAttempts()).append(" attempts");
    }
    if (s.hasItems() && s.getItems().getTotal() > 0) {
      text.append(", ").append(s.getItems().getDone()).append('/').append(s.getItems().getTotal()).append(" items");
    }
    return text.append(')').toString();
  }

  static String format(Duration d) {
    long seconds = Math.max(0, d.toSeconds());
    if (seconds < 60) {
      return d.toMillis() < 10_000 ? String.format("%.1fs", Math.max(0, d.toMillis()) / 1000.0) : seconds + "s";
    }
    if (seconds < 3600) {
      return String.format("%dm %02ds", seconds / 60, seconds % 60);
    }
    return String.format("%dh %02dm", seconds / 3600, seconds % 3600 / 60);
  }

  private static Instant instant(Timestamp t) {
    return Instant.ofEpochSecond(t.getSeconds(), t.getNanos());
  }
}
