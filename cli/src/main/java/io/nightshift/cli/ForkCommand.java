package io.nightshift.cli;

import io.nightshift.api.v1.ForkTaskRequest;
import io.nightshift.api.v1.ForkTaskResponse;
import io.nightshift.client.NightshiftClient;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code nightshift fork ID --from STEP [-p NAME=VALUE ...] [--id NEW] [--label K=V ...]}: a new task that runs the task's plan again
 * from STEP with the params changed, reusing the outputs of the steps the change does not reach (ForkTask).
 */
@Command(name = "fork", mixinStandardHelpOptions = true,
    description = "Start a new task from a task's step: the steps before it that a changed param does not reach keep"
        + " their outputs; the step and the rest run again. Prints the new id and the kept and rerun steps.")
final class ForkCommand extends ClientCommand {
  @Parameters(paramLabel = "ID", description = "the task to fork (running or ended)")
  String taskId;

  @Option(names = "--from", required = true, paramLabel = "STEP", description = "the step to run again from")
  String fromStep;

  @Option(names = {"-p", "--param"}, description = "a changed task parameter NAME=VALUE (repeatable)")
  Map<String, String> params = new LinkedHashMap<>();

  @Option(names = "--id", paramLabel = "NEW", description = "id for the new task (default: one the runtime picks)")
  String newId = "";

  @Option(names = "--label", paramLabel = "KEY=VALUE",
      description = "a label for the new task (repeatable; default: the source's labels)")
  Map<String, String> labels = new LinkedHashMap<>();

  @Override
  int run(NightshiftClient client, PrintWriter out) {
    ForkTaskResponse fork = client.fork(ForkTaskRequest.newBuilder()
        .setTaskId(taskId).setFromStep(fromStep).putAllParams(params).setNewTaskId(newId).putAllLabels(labels)
        .build());
    out.println(fork.getTaskId());
    out.println("kept:  " + (fork.getKeptStepsCount() == 0 ? "(none)" : String.join(", ", fork.getKeptStepsList())));
    out.println("rerun: " + String.join(", ", fork.getRerunStepsList()));
    out.flush();
    return 0;
  }
}
