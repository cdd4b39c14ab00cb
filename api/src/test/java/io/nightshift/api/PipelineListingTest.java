package io.nightshift.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.rpc.BadRequest;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import io.nightshift.api.v1.ListPipelinesRequest;
import io.nightshift.api.v1.Pipeline;
import io.nightshift.api.v1.PipelineParameter;
import io.nightshift.api.v1.SubmitTaskRequest;
import io.nightshift.api.v1.TaskSpec;
import io.nightshift.planners.declarative.DeclarativePlanner;
import io.nightshift.runtime.pipelines.PipelineCatalog;
import io.nightshift.tools.registry.ToolRegistry;
import io.temporal.testing.TestWorkflowEnvironment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ListPipelines over gRPC on a socket: the catalog's pipelines with the parameters a form offers (defaults,
 * required ones, the comment on each one's line), a broken site file listed with its problem, and a required
 * parameter left out refused on the field the listing's comment names.
 */
class PipelineListingTest {
  @TempDir Path dir;
  private TestWorkflowEnvironment env;
  private TaskApiOnSocket socket;

  @BeforeEach
  void setUp() throws Exception {
    Path site = Files.createDirectories(dir.resolve("pipelines"));
    Files.writeString(site.resolve("screen.yaml"), """
        # a site's pipeline
        name: screen
        description: Screen a table.
        params:
          source: ~                 # the CSV to read, as classpath:PATH
          max_mw: "500"             # Lipinski: molecular weight <= 500 Da
          resamples: "20000"
        steps:
          - {name: load, tool: data.read_csv, params: {source: "${params.source}"}}
          - {name: pass, tool: table.filter, params: {input: "${steps.load.output}", where: "mw <= ${params.max_mw}"}}
        """);
    Files.writeString(site.resolve("broken.yaml"), "name: broken\nsteps: {not: a list}\n");
    env = TestWorkflowEnvironment.newInstance();
    var client = env.getWorkflowClient();
    socket = TaskApiOnSocket.start(client, new TaskSubmitter(client,
        new DeclarativePlanner(ToolRegistry.fromClassPath()), PipelineCatalog.load(site), 8, false, List.of(),
        Optional.empty()), null);
  }

  @AfterEach
  void tearDown() {
    socket.close();
    env.close();
  }

  @Test
  void shouldListEachPipelineWithItsParametersDefaultsAndLineCommentsAndABrokenOneWithItsProblem() {
    Map<String, Pipeline> listed = socket.api().listPipelines(ListPipelinesRequest.getDefaultInstance())
        .getPipelinesList().stream().collect(Collectors.toMap(Pipeline::getName, Function.identity()));

    Pipeline screen = listed.get("screen");
    assertThat(screen.getDescription()).isEqualTo("Screen a table.");
    assertThat(screen.getStepCount()).isEqualTo(2);
    assertThat(screen.getError()).isEmpty();
    assertThat(screen.getParamsList()).extracting(PipelineParameter::getName)
        .containsExactly("source", "max_mw", "resamples");
    assertThat(screen.getParams(0).getRequired()).isTrue();
    assertThat(screen.getParams(0).getDefaultValue()).isEmpty();
    assertThat(screen.getParams(0).getDescription()).isEqualTo("the CSV to read, as classpath:PATH");
    assertThat(screen.getParams(1).getRequired()).isFalse();
    assertThat(screen.getParams(1).getDefaultValue()).isEqualTo("500");
    assertThat(screen.getParams(1).getDescription()).isEqualTo("Lipinski: molecular weight <= 500 Da");
    assertThat(screen.getParams(2).getDescription()).as("no comment, no description").isEmpty();

    Pipeline broken = listed.get("broken");
    assertThat(broken.getError()).contains("steps");
    assertThat(broken.getParamsList()).isEmpty();
  }

  @Test
  void shouldRefuseASubmissionWithoutARequiredParameterOnTheParametersField() throws Exception {
    StatusRuntimeException e = catchThrowableOfType(StatusRuntimeException.class, () -> socket.api().submitTask(
        SubmitTaskRequest.newBuilder().setSpec(TaskSpec.newBuilder().setPipelineName("screen")).build()));

    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(StatusProto.fromThrowable(e).getDetails(0).unpack(BadRequest.class).getFieldViolationsList())
        .extracting(BadRequest.FieldViolation::getField).containsExactly("spec.pipeline_name.params.source");
  }
}
