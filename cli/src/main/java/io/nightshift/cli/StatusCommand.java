package io.nightshift.cli;

import io.nightshift.api.v1.Task;
import io.nightshift.client.NightshiftClient;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "status", mixinStandardHelpOptions = true, description = "Show one task and its steps.")
final class StatusCommand extends ClientCommand {
  @Parameters(paramLabel = "ID")
  String taskId;

  @Option(names = "--json", description = "print the task as one JSON object")
  boolean json;

  @Override
  int run(NightshiftClient client, PrintWriter out) throws Exception {
    Task t = client.get(taskId);
    if (json) {
      out.println(TaskPrinter.json(t));
    } else {
      TaskPrinter.detail(t, out);
    }
    return 0;
  }
}
