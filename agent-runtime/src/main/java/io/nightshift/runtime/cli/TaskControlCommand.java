package io.nightshift.runtime.cli;

import io.grpc.ManagedChannel;
import io.nightshift.api.v1.CancelTaskRequest;
import io.nightshift.api.v1.PauseTaskRequest;
import io.nightshift.api.v1.ResumeTaskRequest;
import io.nightshift.api.v1.TaskServiceGrpc;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code cancel}, {@code pause}, {@code resume}: one call on one task, one line of confirmation. */
abstract class TaskControlCommand extends ClientCommand {
  @Parameters(paramLabel = "ID")
  String taskId;

  @Override
  final int run(ManagedChannel channel, PrintWriter out) {
    out.println(act(TaskServiceGrpc.newBlockingStub(channel)));
    return 0;
  }

  abstract String act(TaskServiceGrpc.TaskServiceBlockingStub tasks);

  @Command(name = "cancel", mixinStandardHelpOptions = true, description = "Cancel a running task.")
  static final class Cancel extends TaskControlCommand {
    @Option(names = "--reason", defaultValue = "")
    String reason;

    @Override
    String act(TaskServiceGrpc.TaskServiceBlockingStub tasks) {
      tasks.cancelTask(CancelTaskRequest.newBuilder().setTaskId(taskId).setReason(reason).build());
      return "cancellation requested for " + taskId;
    }
  }

  @Command(name = "pause", mixinStandardHelpOptions = true,
      description = "Pause a task: running steps finish, no new step starts until resume.")
  static final class Pause extends TaskControlCommand {
    @Option(names = "--reason", defaultValue = "")
    String reason;

    @Override
    String act(TaskServiceGrpc.TaskServiceBlockingStub tasks) {
      tasks.pauseTask(PauseTaskRequest.newBuilder().setTaskId(taskId).setReason(reason).build());
      return "pause requested for " + taskId;
    }
  }

  @Command(name = "resume", mixinStandardHelpOptions = true, description = "Resume a paused task.")
  static final class Resume extends TaskControlCommand {
    @Override
    String act(TaskServiceGrpc.TaskServiceBlockingStub tasks) {
      tasks.resumeTask(ResumeTaskRequest.newBuilder().setTaskId(taskId).build());
      return "resume requested for " + taskId;
    }
  }
}
