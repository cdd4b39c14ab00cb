package io.nightshift.bench.fleet;

import io.nightshift.workflows.TaskQueues;
import io.nightshift.workflows.map.MapResult;
import io.nightshift.workflows.map.PoolTally;
import io.nightshift.workflows.task.TaskInput;
import io.nightshift.workflows.task.TaskProgress;
import io.nightshift.workflows.task.TaskResult;
import io.nightshift.workflows.task.TaskWorkflow;
import io.nightshift.workflows.task.placement.DeadlineReport;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One arm of the benchmark on a real runtime: its tasks submitted at once as the API submits them (a TaskWorkflow on
 * the control queue), timed until the last ends. What each pool held comes from the runtime's own record of each
 * map: the tally of its chunks' leases, which the pools measured. Every subtask must have run exactly once.
 */
public final class FleetRun {
  private FleetRun() {}

  /** One task of an arm, and the pools it may use. */
  public record Submission(FleetPipeline pipeline, String yaml, List<String> pools) {}

  /**
   * What an arm measured, in real time.
   *
   * @param wallSeconds       from the first submission to the last task's end
   * @param unitSecondsByPool unit-seconds the pools' leases held, per pool
   * @param chunksByPool      subtasks each pool ran
   * @param deadline          the deadline report of the arm's first task with one, if any
   */
  public record Measured(double wallSeconds, Map<String, Double> unitSecondsByPool, Map<String, Integer> chunksByPool,
      Optional<DeadlineReport> deadline) {}

  public static Measured run(WorkflowClient client, String arm, List<Submission> submissions) {
    List<TaskWorkflow> tasks = new ArrayList<>();
    long t0 = System.nanoTime();
    for (Submission s : submissions) {
      String taskId = arm + "-" + s.pipeline().name();
      TaskWorkflow task = client.newWorkflowStub(TaskWorkflow.class, WorkflowOptions.newBuilder()
          .setWorkflowId(taskId).setTaskQueue(TaskQueues.CONTROL).build());
      WorkflowClient.start(task::run, TaskInput.builder(taskId, "benchmark: " + s.pipeline().subtasks().size()
          + " subtasks on the simulated fleet").pipeline(s.pipeline().name(), s.yaml()).pools(s.pools())
          .maxParallelSteps(16).searchAttributes(true).build());
      tasks.add(task);
    }
    for (TaskWorkflow task : tasks) {
      WorkflowStub.fromTyped(task).getResult(TaskResult.class);
    }
    double wall = (System.nanoTime() - t0) / 1e9;
    Map<String, Double> unitSeconds = new HashMap<>();
    Map<String, Integer> chunks = new HashMap<>();
    Optional<DeadlineReport> deadline = Optional.empty();
    for (int i = 0; i < submissions.size(); i++) {
      Submission s = submissions.get(i);
      String taskId = arm + "-" + s.pipeline().name();
      int ran = 0;
      for (String step : s.pipeline().mapSteps()) {
        MapResult map = client.newUntypedWorkflowStub(taskId + "/" + step).getResult(MapResult.class);
        for (PoolTally t : map.use()) {
          unitSeconds.merge(t.poolId(), t.unitSeconds(), Double::sum);
          chunks.merge(t.poolId(), t.chunks(), Integer::sum);
          ran += t.chunks();
        }
      }
      if (ran != s.pipeline().subtasks().size()) {
        throw new IllegalStateException(taskId + ": the pools ran " + ran + " subtasks, expected "
            + s.pipeline().subtasks().size());
      }
      if (deadline.isEmpty()) {
        TaskProgress progress = tasks.get(i).progress();
        deadline = progress.deadline();
      }
    }
    return new Measured(wall, unitSeconds, chunks, deadline);
  }
}
