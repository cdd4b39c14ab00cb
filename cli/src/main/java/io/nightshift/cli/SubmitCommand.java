package io.nightshift.cli;

import io.nightshift.api.v1.AgentBudget;
import io.nightshift.api.v1.ReplanPolicy;
import io.nightshift.api.v1.SubmitTaskRequest;
import io.nightshift.api.v1.TaskBudget;
import io.nightshift.api.v1.TaskSpec;
import io.nightshift.client.NightshiftClient;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "submit", mixinStandardHelpOptions = true,
    description = "Submit a task: a pipeline file, --pipeline NAME for one the runtime ships, or only --goal for"
        + " the runtime's planner model to plan.")
final class SubmitCommand extends ClientCommand {
  @Parameters(arity = "0..1", paramLabel = "FILE", description = "pipeline YAML file")
  Path file;

  @Option(names = "--pipeline", description = "name of a pipeline the runtime knows (instead of FILE)")
  String pipelineName;

  @Option(names = {"-p", "--param"}, description = "task parameter NAME=VALUE (repeatable)")
  Map<String, String> params = new LinkedHashMap<>();

  @Option(names = "--goal", description = "the goal in words; alone (no FILE, no --pipeline) the runtime's planner"
      + " model plans it", defaultValue = "")
  String goal;

  @Option(names = "--replan-max-versions", paramLabel = "N", description = "revise the plan when a step fails for"
      + " good, up to N plan versions in all (1 = never); default: on for goal-only tasks, off for pipelines")
  Integer replanMaxVersions;

  @Option(names = "--agent-max-tokens", paramLabel = "N", description = "the most tokens each agent step may use")
  Long agentMaxTokens;

  @Option(names = "--agent-max-cost", paramLabel = "X", description = "the most each agent step may cost (decimal)")
  String agentMaxCost;

  @Option(names = "--agent-wall-clock-seconds", paramLabel = "S", description = "the longest each agent step may run")
  Long agentWallClockSeconds;

  @Option(names = "--max-tokens", paramLabel = "N", description = "the most tokens ALL agent steps of the task may use"
      + " together; when spent the task pauses until approved with a raise")
  Long maxTokens;

  @Option(names = "--max-cost", paramLabel = "X", description = "the most ALL agent steps of the task may cost"
      + " together (decimal)")
  String maxCost;

  @Option(names = "--wall-clock-seconds", paramLabel = "S", description = "after this long the task starts no new"
      + " step until approved (each approval grants another S seconds)")
  Long wallClockSeconds;

  @Option(names = "--replan-approval", description = "each revised plan waits for approve/reject on step plan-vN")
  boolean replanApproval;

  @Option(names = "--id", description = "task id to use (a retried submit with the same id starts nothing new)",
      defaultValue = "")
  String taskId;

  @Option(names = "--label", paramLabel = "KEY=VALUE", description = "a label to find the task by (`nightshift list"
      + " --label`), e.g. team=ml (repeatable)")
  Map<String, String> labels = new LinkedHashMap<>();

  @Option(names = "--idempotency-key", paramLabel = "KEY", description = "makes a retried submit safe: the same KEY"
      + " (in your tenant) answers the task the first submit started, and starts nothing; the same KEY with other"
      + " settings is refused. Not with --id", defaultValue = "")
  String idempotencyKey;

  @Option(names = "--wait", description = "follow the task; exit 0 if it succeeds, non-zero if it fails or is cancelled")
  boolean waitForEnd;

  @Override
  int run(NightshiftClient client, PrintWriter out) throws Exception {
    TaskSpec.Builder spec = TaskSpec.newBuilder().setGoal(goal).putAllParams(params).putAllLabels(labels);
    if (file != null && pipelineName != null) {
      throw new picocli.CommandLine.ParameterException(this.spec.commandLine(), "give at most one of FILE or --pipeline");
    }
    if (file == null && pipelineName == null && goal.isBlank()) {
      throw new picocli.CommandLine.ParameterException(this.spec.commandLine(),
          "give FILE, --pipeline NAME, or --goal TEXT for the planner model");
    }
    if (file != null) {
      spec.setPipelineYaml(Files.readString(file));
    } else if (pipelineName != null) {
      spec.setPipelineName(pipelineName);
    }
    if (replanMaxVersions != null || replanApproval) {
      spec.setReplan(ReplanPolicy.newBuilder().setMaxVersions(replanMaxVersions == null ? 3 : replanMaxVersions)
          .setApprovalRequired(replanApproval));
    }
    if (agentMaxTokens != null || agentMaxCost != null || agentWallClockSeconds != null) {
      AgentBudget.Builder budget = AgentBudget.newBuilder();
      if (agentMaxTokens != null) {
        budget.setMaxTokens(agentMaxTokens);
      }
      if (agentMaxCost != null) {
        budget.setMaxCost(agentMaxCost);
      }
      if (agentWallClockSeconds != null) {
        budget.setWallClockSeconds(agentWallClockSeconds);
      }
      spec.setAgentBudget(budget);
    }
    if (maxTokens != null || maxCost != null || wallClockSeconds != null) {
      TaskBudget.Builder total = TaskBudget.newBuilder();
      if (maxTokens != null) {
        total.setMaxTokens(maxTokens);
      }
      if (maxCost != null) {
        total.setMaxCost(maxCost);
      }
      if (wallClockSeconds != null) {
        total.setWallClockSeconds(wallClockSeconds);
      }
      spec.setBudget(total);
    }
    String id = client.submit(SubmitTaskRequest.newBuilder().setSpec(spec).setTaskId(taskId)
        .setIdempotencyKey(idempotencyKey).build()).id();
    out.println(id);
    out.flush();
    if (!waitForEnd) {
      return 0;
    }
    return TaskFollower.exitCode(TaskFollower.follow(client, id, out));
  }
}
