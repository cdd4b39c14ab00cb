package io.nightshift.cli;

import io.grpc.ManagedChannel;
import io.nightshift.api.v1.GetTaskRequest;
import io.nightshift.api.v1.Task;
import io.nightshift.api.v1.TaskServiceGrpc;
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
  int run(ManagedChannel channel, PrintWriter out) throws Exception {
    Task t = TaskServiceGrpc.newBlockingStub(channel).getTask(GetTaskRequest.newBuilder().setTaskId(taskId).build());
    if (json) {
      out.println(TaskPrinter.json(t));
    } else {
      TaskPrinter.detail(t, out);
    }
    return 0;
  }
}
