package io.nightshift.runtime.cli;

import io.grpc.ManagedChannel;
import io.nightshift.api.v1.CancelTaskRequest;
import io.nightshift.api.v1.TaskServiceGrpc;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "cancel", mixinStandardHelpOptions = true, description = "Cancel a running task.")
final class CancelCommand extends ClientCommand {
  @Parameters(paramLabel = "ID")
  String taskId;

  @Option(names = "--reason", defaultValue = "")
  String reason;

  @Override
  int run(ManagedChannel channel, PrintWriter out) {
    TaskServiceGrpc.newBlockingStub(channel)
        .cancelTask(CancelTaskRequest.newBuilder().setTaskId(taskId).setReason(reason).build());
    out.println("cancellation requested for " + taskId);
    return 0;
  }
}
