package io.nightshift.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.rpc.BadRequest;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import io.nightshift.api.v1.GetTaskRequest;
import io.nightshift.api.v1.SubmitTaskRequest;
import io.nightshift.api.v1.TaskSpec;
import io.nightshift.planners.declarative.DeclarativePlanner;
import io.nightshift.runtime.pipelines.PipelineCatalog;
import io.nightshift.tools.registry.ToolRegistry;
import io.temporal.testing.TestWorkflowEnvironment;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A submitted pipeline reaches a tool only through the parameters the tool declares: a key it does not declare
 * (how a task once chose chem.dock's executables and the URL it sent molecules to) is refused over gRPC before
 * anything starts, naming the step and the key.
 */
class PipelineParamSubmissionTest {
  @TempDir Path dir;
  private TestWorkflowEnvironment env;
  private TaskApiOnSocket socket;

  @BeforeEach
  void setUp() throws Exception {
    env = TestWorkflowEnvironment.newInstance();
    var client = env.getWorkflowClient();
    socket = TaskApiOnSocket.start(client, new TaskSubmitter(client, new DeclarativePlanner(ToolRegistry.fromClassPath()),
        PipelineCatalog.load(dir.resolve("pipelines")), 8, false, List.of(), Optional.empty()), null);
  }

  @AfterEach
  void tearDown() {
    socket.close();
    env.close();
  }

  @Test
  void shouldRefuseAToolParameterTheToolDoesNotDeclareNamingTheStepAndTheKey() throws Exception {
    String yaml = """
        name: p
        steps:
          - {name: load, tool: data.read_csv, params: {source: "classpath:nightshift/data/approved_drugs.csv",
             nim_url: "http://10.0.0.5:8000"}}
          - {name: ask, kind: agent, model: local, prompt: go, params: {vina_path: /bin/sh}}
        """;

    StatusRuntimeException e = catchThrowableOfType(StatusRuntimeException.class, () -> socket.api().submitTask(
        SubmitTaskRequest.newBuilder().setTaskId("refused").setSpec(TaskSpec.newBuilder().setPipelineYaml(yaml))
            .build()));

    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(e.getStatus().getDescription()).contains("tool 'data.read_csv' has no parameter 'nim_url'");
    assertThat(StatusProto.fromThrowable(e).getDetails(0).unpack(BadRequest.class).getFieldViolationsList())
        .extracting(BadRequest.FieldViolation::getField).contains("spec.pipeline_yaml.steps[load].params.nim_url",
            "spec.pipeline_yaml.steps[ask].params");
    StatusRuntimeException notStarted = catchThrowableOfType(StatusRuntimeException.class,
        () -> socket.api().getTask(GetTaskRequest.newBuilder().setTaskId("refused").build()));
    assertThat(notStarted.getStatus().getCode()).as("no task started").isEqualTo(Status.Code.NOT_FOUND);
  }
}
