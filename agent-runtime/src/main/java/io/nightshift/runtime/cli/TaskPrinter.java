package io.nightshift.runtime.cli;

import com.google.protobuf.util.JsonFormat;
import io.nightshift.api.v1.Step;
import io.nightshift.api.v1.Task;
import java.io.PrintWriter;

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
    if (!t.getGoal().isEmpty()) {
      out.println("  goal: " + t.getGoal());
    }
    if (t.getPlanVersion() > 0) {
      out.printf("  plan: v%d%s%n", t.getPlanVersion(), t.getPlanOrigin().isEmpty() ? "" : " by " + t.getPlanOrigin());
    }
    if (t.getPlanVersionsCount() > 1) {
      for (io.nightshift.api.v1.PlanVersion v : t.getPlanVersionsList()) {
        out.printf("    v%d %-24s %s%s%n", v.getVersion(), v.getOrigin(), v.getReason(),
            v.getKeptStepsCount() == 0 ? "" : " (kept: " + String.join(", ", v.getKeptStepsList()) + ")");
      }
    }
    for (Step s : t.getStepsList()) {
      out.printf("  %-10s %-20s %-22s %s%n", stepState(s), s.getName(), s.getTool(),
          s.getError().isEmpty() ? s.getSummary() : "error: " + s.getError());
    }
    if (t.hasResult()) {
      out.println("  result: " + t.getResult().getDigest() + " (" + t.getResult().getMediaType() + ", "
          + t.getResult().getSize() + " bytes)");
    }
    if (!t.getError().isEmpty()) {
      out.println("  error: " + t.getError());
    }
  }

  static String json(Task t) throws com.google.protobuf.InvalidProtocolBufferException {
    return JsonFormat.printer().omittingInsignificantWhitespace().print(t);
  }
}
