package io.nightshift.bench.engine;

import io.nightshift.core.artifact.ArtifactStore;
import io.nightshift.workflows.TaskQueues;
import io.nightshift.workflows.task.TaskInput;
import io.nightshift.workflows.task.TaskResult;
import io.nightshift.workflows.task.TaskWorkflow;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * One Nightshift task of two steps, submitted the way the API submits it (a TaskWorkflow on the control queue):
 * {@code load} reads the generated table, {@code noop} maps {@code table.filter} with a keep-everything condition
 * over it, so each chunk passes through unchanged and the merged output must have every input row.
 */
public final class MapTask {
  private MapTask() {}

  public static String pipeline(String file, int chunkSize, int maxParallel) {
    return """
        name: bench-noop-map
        steps:
          - name: load
            tool: data.read_csv
            params: {source: "file:%s"}
          - name: noop
            kind: map
            tool: table.filter
            over: "${steps.load.output}"
            chunk_size: %d
            max_parallel: %d
            item_param: input
            params: {where: "%s"}
            needs: [load]
        """.formatted(file, chunkSize, maxParallel, NoopTable.KEEP_ALL);
  }

  /** Runs the task to its end; returns its wall time in nanoseconds after checking every row came through. */
  public static long run(WorkflowClient client, ArtifactStore artifacts, String taskId, String yaml, int rows)
      throws IOException {
    TaskWorkflow task = client.newWorkflowStub(TaskWorkflow.class, WorkflowOptions.newBuilder()
        .setWorkflowId(taskId).setTaskQueue(TaskQueues.CONTROL).build());
    TaskInput input = TaskInput.builder(taskId, "benchmark: no-op map").pipeline("bench-noop-map", yaml)
        .maxParallelSteps(32).searchAttributes(true).build();
    long t0 = System.nanoTime();
    WorkflowClient.start(task::run, input);
    TaskResult result = WorkflowStub.fromTyped(task).getResult(TaskResult.class);
    long elapsed = System.nanoTime() - t0;
    long lines = dataRows(artifacts, result);
    if (lines != rows) {
      throw new IllegalStateException(taskId + ": merged output has " + lines + " rows, expected " + rows);
    }
    return elapsed;
  }

  /**
   * Rows of the merged table, counted as a stream: reading a million-row result into one string would put this
   * check's own tens of MiB into the heap figure the scale benchmark reports for the worker.
   */
  private static long dataRows(ArtifactStore artifacts, TaskResult result) throws IOException {
    long lines = 0;
    try (BufferedReader in = new BufferedReader(new InputStreamReader(artifacts.open(result.result()),
        StandardCharsets.UTF_8))) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        if (!line.isEmpty()) {
          lines++;
        }
      }
    }
    return lines - 1;
  }
}
