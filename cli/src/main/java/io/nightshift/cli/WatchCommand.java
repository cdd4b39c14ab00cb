package io.nightshift.cli;

import io.grpc.ManagedChannel;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "watch", mixinStandardHelpOptions = true,
    description = "Follow a task until it ends; exit 0 if it succeeded.")
final class WatchCommand extends ClientCommand {
  @Parameters(paramLabel = "ID")
  String taskId;

  @Override
  int run(ManagedChannel channel, PrintWriter out) {
    return TaskFollower.exitCode(TaskFollower.follow(channel, taskId, out));
  }
}
