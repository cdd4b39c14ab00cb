package io.nightshift.runtime.cli;

import io.grpc.ManagedChannel;
import io.nightshift.api.v1.SubmitTaskRequest;
import io.nightshift.api.v1.TaskServiceGrpc;
import io.nightshift.api.v1.TaskSpec;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "submit", mixinStandardHelpOptions = true,
    description = "Submit a task: a pipeline file, or --pipeline NAME for one the runtime ships.")
final class SubmitCommand extends ClientCommand {
  @Parameters(arity = "0..1", paramLabel = "FILE", description = "pipeline YAML file")
  Path file;

  @Option(names = "--pipeline", description = "name of a pipeline the runtime knows (instead of FILE)")
  String pipelineName;

  @Option(names = {"-p", "--param"}, description = "task parameter NAME=VALUE (repeatable)")
  Map<String, String> params = new LinkedHashMap<>();

  @Option(names = "--goal", description = "the goal in words", defaultValue = "")
  String goal;

  @Option(names = "--id", description = "task id to use (a retried submit with the same id starts nothing new)",
      defaultValue = "")
  String taskId;

  @Option(names = "--wait", description = "follow the task; exit 0 if it succeeds, non-zero if it fails or is cancelled")
  boolean waitForEnd;

  @Override
  int run(ManagedChannel channel, PrintWriter out) throws Exception {
    TaskSpec.Builder spec = TaskSpec.newBuilder().setGoal(goal).putAllParams(params);
    if ((file == null) == (pipelineName == null)) {
      throw new picocli.CommandLine.ParameterException(this.spec.commandLine(), "give exactly one of FILE or --pipeline");
    }
    if (file != null) {
      spec.setPipelineYaml(Files.readString(file));
    } else {
      spec.setPipelineName(pipelineName);
    }
    String id = TaskServiceGrpc.newBlockingStub(channel)
        .submitTask(SubmitTaskRequest.newBuilder().setSpec(spec).setTaskId(taskId).build()).getTaskId();
    out.println(id);
    out.flush();
    if (!waitForEnd) {
      return 0;
    }
    return TaskFollower.exitCode(TaskFollower.follow(channel, id, out));
  }
}
