package io.nightshift.cli;

import io.nightshift.api.v1.Task;
import io.nightshift.client.NightshiftClient;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code nightshift result ID}: fetches a finished task's result (a campaign's HTML report, a table) through the
 * API, so a task submitted without {@code --wait}, or from another machine, can be read once it is done.
 */
@Command(name = "result", mixinStandardHelpOptions = true,
    description = "Save a task's result (its report or table) to a file and print the path.")
final class ResultCommand extends ClientCommand {
  @Parameters(paramLabel = "ID")
  String taskId;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE",
      description = "write the result here (default: <ID>.<html|md|csv|out> in the current directory)")
  Path output;

  @Override
  int run(NightshiftClient client, PrintWriter out) throws Exception {
    Task task = client.get(taskId);
    if (!task.hasResult()) {
      PrintWriter err = spec.commandLine().getErr();
      err.println("error: task " + taskId + " has no result (state " + TaskPrinter.state(task) + ")");
      err.flush();
      return EXIT_FAILED;
    }
    Path file = output != null ? output : Path.of(TaskResultFile.fileName(task));
    try (var stream = Files.newOutputStream(file)) {
      TaskResultFile.copy(client, task, stream);
    }
    out.println(file.toAbsolutePath().normalize());
    return 0;
  }
}
