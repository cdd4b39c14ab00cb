package io.nightshift.cli;

import io.nightshift.client.NightshiftClient;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "watch", mixinStandardHelpOptions = true,
    description = "Follow a task until it ends; exit 0 if it succeeded.")
final class WatchCommand extends ClientCommand {
  @Parameters(paramLabel = "ID")
  String taskId;

  @Override
  int run(NightshiftClient client, PrintWriter out) {
    return TaskFollower.exitCode(TaskFollower.follow(client, taskId, out));
  }
}
