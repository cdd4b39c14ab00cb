package io.nightshift.dist;

import static org.assertj.core.api.Assertions.assertThat;

import io.nightshift.api.v1.ListTasksRequest;
import io.nightshift.api.v1.Step;
import io.nightshift.api.v1.SubmitTaskRequest;
import io.nightshift.api.v1.Task;
import io.nightshift.api.v1.TaskSpec;
import io.nightshift.api.v1.TaskState;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest;
import io.temporal.api.workflowservice.v1.GetWorkflowExecutionHistoryRequest;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What Temporal and the artifact store keep of a task is sealed: a marker put in the goal, a parameter, the pipeline
 * text, (through a step's error) a failure and (through a report's title) an artifact appears nowhere in the raw
 * history or execution record the dev server holds, nor in any artifact file, while the runtime's own API reads all
 * of it back.
 */
@ExtendWith(SharedDevRuntime.class)
class PayloadEncryptionIT {
  @Test
  void shouldKeepGoalParamsPipelineAndErrorsOutOfTemporalInThePlain(RuntimeProcess runtime) throws Exception {
    String marker = "sealed_" + Long.toHexString(ThreadLocalRandom.current().nextLong());
    String yaml = """
        # %s
        name: sealed
        params:
          column: null
        steps:
          - {name: load, tool: data.read_csv, params: {source: "classpath:nightshift/data/approved_drugs.csv"}}
          - name: probe
            tool: table.filter
            params: {input: "${steps.load.output}", where: "${params.column} > 1"}
            continue_on_error: true
          - {name: keep, tool: table.filter, params: {input: "${steps.load.output}", where: "mw <= 500"}}
          - name: report
            tool: report.markdown
            params: {title: "${params.column}", sections: "Kept=${steps.keep.output}"}
        """.formatted(marker);
    Path keys = runtime.dataDir.resolve("keys/payload-keys");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keys))).isEqualTo("rw-------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keys.getParent())))
        .isEqualTo("rwx------");
    ApiClient api = new ApiClient(runtime.channel());
    String id = api.tasks().submitTask(SubmitTaskRequest.newBuilder().setSpec(
        TaskSpec.newBuilder().setGoal("find " + marker).setPipelineYaml(yaml)
            .putAllParams(Map.of("column", marker))).build()).getTaskId();

    Task done = api.awaitTask(id, t -> t.getState() == TaskState.TASK_STATE_SUCCEEDED
        || t.getState() == TaskState.TASK_STATE_FAILED, Duration.ofMinutes(2));

    // the runtime reads everything back through its own converter
    assertThat(done.getState()).as(done.toString()).isEqualTo(TaskState.TASK_STATE_SUCCEEDED);
    assertThat(done.getGoal()).isEqualTo("find " + marker);
    assertThat(done.getStepsList()).filteredOn(s -> s.getName().equals("probe")).map(Step::getError)
        .singleElement().asString().contains(marker);
    assertThat(api.tasks().listTasks(ListTasksRequest.getDefaultInstance()).getTasksList())
        .filteredOn(t -> t.getId().equals(id)).map(Task::getGoal).containsExactly("find " + marker);

    String report = done.getStepsList().stream().filter(s -> s.getName().equals("report")).findFirst()
        .orElseThrow().getOutput().getDigest();
    assertThat(api.readArtifact(id, report)).startsWith("# " + marker);

    // Temporal, read without the key, holds none of it
    String raw = rawRecord(runtime, id);
    assertThat(raw).contains("TaskWorkflow").contains("binary/encrypted").doesNotContain(marker);
    // nor do the artifact files, the report among them
    assertThat(artifactFiles(runtime)).as("artifact files").isNotEmpty().allSatisfy(file -> assertThat(
        Files.readString(file, StandardCharsets.ISO_8859_1)).as(file.toString()).doesNotContain(marker));
  }

  /** Every file of the runtime's artifact store, as it lies on disk. */
  private static List<Path> artifactFiles(RuntimeProcess runtime) throws IOException {
    try (Stream<Path> walk = Files.walk(runtime.dataDir.resolve("artifacts"))) {
      return walk.filter(Files::isRegularFile).toList();
    }
  }

  /** The task's whole history and its execution record (memo included), as the server stores them. */
  private static String rawRecord(RuntimeProcess runtime, String workflowId) {
    WorkflowServiceStubs stubs = WorkflowServiceStubs.newServiceStubs(WorkflowServiceStubsOptions.newBuilder()
        .setTarget("127.0.0.1:" + runtime.temporalPort).build());
    try {
      WorkflowExecution execution = WorkflowExecution.newBuilder().setWorkflowId(workflowId).build();
      var history = stubs.blockingStub().getWorkflowExecutionHistory(GetWorkflowExecutionHistoryRequest.newBuilder()
          .setNamespace("default").setExecution(execution).setMaximumPageSize(10_000).build());
      assertThat(history.getNextPageToken().isEmpty()).as("one page holds the whole history").isTrue();
      var described = stubs.blockingStub().describeWorkflowExecution(DescribeWorkflowExecutionRequest.newBuilder()
          .setNamespace("default").setExecution(execution).build());
      return history.getHistory().toByteString().toString(StandardCharsets.ISO_8859_1)
          + described.toByteString().toString(StandardCharsets.ISO_8859_1);
    } finally {
      stubs.shutdownNow();
    }
  }
}
