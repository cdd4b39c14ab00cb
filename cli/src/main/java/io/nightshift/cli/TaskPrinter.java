package io.nightshift.cli;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import io.nightshift.api.v1.PlanVersion;
import io.nightshift.api.v1.Step;
import io.nightshift.api.v1.Task;
import io.nightshift.api.v1.TaskBudgetUsage;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** How tasks look on a terminal. */
final class TaskPrinter {
  private TaskPrinter() {}

  static String state(Task t) {
    return t.getState().name().replace("TASK_STATE_", "");
  }

  static String stepState(Step s) {
    return s.getState().name().replace("STEP_STATE_", "");
  }

  static void detail(Task t, PrintWriter out) {
    out.printf("%s  %s  pipeline=%s%n", t.getId(), state(t), t.getPipeline());
    if (t.getLabelsCount() > 0) {
      out.println("  labels: " + new TreeMap<>(t.getLabelsMap()).entrySet().stream()
          .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", ")));
    }
    if (!t.getGoal().isEmpty()) {
      out.println("  goal: " + t.getGoal());
    }
    if (!t.getForkedFrom().isEmpty()) {
      out.println("  forked from " + t.getForkedFrom() + " at step " + t.getForkedFromStep());
    }
    if (t.getPlanVersion() > 0) {
      out.printf("  plan: v%d%s%n", t.getPlanVersion(), t.getPlanOrigin().isEmpty() ? "" : " by " + t.getPlanOrigin());
    }
    if (t.getPlanVersionsCount() > 1) {
      for (PlanVersion v : t.getPlanVersionsList()) {
        out.printf("    v%d %-24s %s%s%n", v.getVersion(), v.getOrigin(), v.getReason(),
            v.getKeptStepsCount() == 0 ? "" : " (kept: " + String.join(", ", v.getKeptStepsList()) + ")");
      }
    }
    if (t.hasBudget()) {
      out.println("  " + budget(t.getBudget()));
    }
    if (t.hasDeadline()) {
      out.println("  deadline " + Instant.ofEpochSecond(t.getDeadline().getAt().getSeconds())
          + (t.getDeadline().getReachable() ? " reachable: " : " NOT reachable: ") + t.getDeadline().getDetail());
    }
    if (t.getPlacementSaving() > 0) {
      out.printf("  placement saved %.4f against the fastest pools%n", t.getPlacementSaving());
    }
    Instant now = Instant.now();
    for (Step s : t.getStepsList()) {
      String took = StepDuration.of(s, now);
      out.printf("  %-10s %-20s %-22s %s%s%n", stepState(s), s.getName(), s.getTool(),
          !s.getError().isEmpty() ? "error: " + s.getError() : !s.getWaiting().isEmpty() ? s.getWaiting()
              : s.getSummary(), took.isEmpty() ? "" : "  " + took);
      if (s.hasTelemetry()) {
        out.printf("  %-10s %-20s units: %s%n", "", "", TelemetryLine.of(s.getTelemetry()));
      }
    }
    if (t.hasResult()) {
      out.println("  result: " + t.getResult().getDigest() + " (" + t.getResult().getMediaType() + ", "
          + t.getResult().getSize() + " bytes)");
    }
    if (!t.getError().isEmpty()) {
      out.println("  error: " + t.getError());
    }
  }

  /** The task budget on one line: spent and reserved against each limit, and the wall-clock deadline. */
  static String budget(TaskBudgetUsage b) {
    StringBuilder line = new StringBuilder("budget: tokens ").append(b.getTokensSpent()).append(" spent + ")
        .append(b.getTokensReserved()).append(" reserved of ")
        .append(b.getMaxTokens() == 0 ? "no limit" : String.valueOf(b.getMaxTokens()))
        .append("; cost ").append(b.getCostSpent()).append(" spent + ").append(b.getCostReserved())
        .append(" reserved of ").append(b.getMaxCost().isEmpty() ? "no limit" : b.getMaxCost());
    if (b.hasDeadline()) {
      line.append("; no new step after ").append(Instant.ofEpochSecond(b.getDeadline().getSeconds(),
          b.getDeadline().getNanos())).append(" without approval");
    }
    return line.toString();
  }

  static String json(Task t) throws InvalidProtocolBufferException {
    return JsonFormat.printer().omittingInsignificantWhitespace().print(t);
  }
}
