package io.nightshift.cli;

import io.nightshift.api.v1.ApproveTaskRequest;
import io.nightshift.api.v1.RejectTaskRequest;
import io.nightshift.client.NightshiftClient;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code cancel}, {@code pause}, {@code resume}: one call on one task, one line of confirmation. */
abstract class TaskControlCommand extends ClientCommand {
  @Parameters(paramLabel = "ID")
  String taskId;

  @Override
  final int run(NightshiftClient client, PrintWriter out) {
    out.println(act(client));
    return 0;
  }

  abstract String act(NightshiftClient tasks);

  @Command(name = "cancel", mixinStandardHelpOptions = true, description = "Cancel a running task.")
  static final class Cancel extends TaskControlCommand {
    @Option(names = "--reason", defaultValue = "")
    String reason;

    @Override
    String act(NightshiftClient tasks) {
      tasks.cancel(taskId, reason);
      return "cancellation requested for " + taskId;
    }
  }

  @Command(name = "pause", mixinStandardHelpOptions = true,
      description = "Pause a task: running steps finish, no new step starts until resume.")
  static final class Pause extends TaskControlCommand {
    @Option(names = "--reason", defaultValue = "")
    String reason;

    @Override
    String act(NightshiftClient tasks) {
      tasks.pause(taskId, reason);
      return "pause requested for " + taskId;
    }
  }

  @Command(name = "approve", mixinStandardHelpOptions = true,
      description = "Approve a step waiting for a decision (an approval gate, or an agent out of budget).")
  static final class Approve extends TaskControlCommand {
    @Option(names = "--step", required = true)
    String step;

    @Option(names = "--comment", defaultValue = "")
    String comment;

    @Option(names = "--by", defaultValue = "${env:USER:-}")
    String by;

    @Option(names = "--max-tokens", description = "the agent's new total token budget (for a task budget stop: the task's)", defaultValue = "0")
    long maxTokens;

    @Option(names = "--max-cost", description = "the agent's new total cost budget (for a task budget stop: the task's)", defaultValue = "")
    String maxCost;

    @Override
    String act(NightshiftClient tasks) {
      tasks.approve(ApproveTaskRequest.newBuilder().setTaskId(taskId).setStep(step)
          .setComment(comment).setBy(by).setMaxTokens(maxTokens).setMaxCost(maxCost).build());
      return "approved step " + step + " of " + taskId;
    }
  }

  @Command(name = "reject", mixinStandardHelpOptions = true, description = "Reject a step waiting for a decision.")
  static final class Reject extends TaskControlCommand {
    @Option(names = "--step", required = true)
    String step;

    @Option(names = "--comment", required = true)
    String comment;

    @Option(names = "--by", defaultValue = "${env:USER:-}")
    String by;

    @Override
    String act(NightshiftClient tasks) {
      tasks.reject(RejectTaskRequest.newBuilder().setTaskId(taskId).setStep(step)
          .setComment(comment).setBy(by).build());
      return "rejected step " + step + " of " + taskId;
    }
  }

  @Command(name = "steer", mixinStandardHelpOptions = true,
      description = "Give the task's running agents guidance for their next model call.")
  static final class Steer extends TaskControlCommand {
    @Option(names = "--guidance", required = true)
    String guidance;

    @Override
    String act(NightshiftClient tasks) {
      tasks.steer(taskId, guidance);
      return "guidance sent to the agents of " + taskId;
    }
  }

  @Command(name = "resume", mixinStandardHelpOptions = true, description = "Resume a paused task.")
  static final class Resume extends TaskControlCommand {
    @Override
    String act(NightshiftClient tasks) {
      tasks.resume(taskId);
      return "resume requested for " + taskId;
    }
  }
}
