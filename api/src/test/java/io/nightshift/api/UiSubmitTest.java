package io.nightshift.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nightshift.api.ui.RawHttp;
import io.nightshift.api.ui.WorkflowUiServer;
import io.nightshift.planners.declarative.DeclarativePlanner;
import io.nightshift.runtime.pipelines.PipelineCatalog;
import io.nightshift.tools.registry.ToolRegistry;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest;
import io.temporal.testing.TestWorkflowEnvironment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The UI's submit and pipeline routes over a real TaskService on a socket: a SubmitTaskRequest as JSON starts the
 * task, the API's refusal comes back with the field it named (what the page puts next to its input), and a body
 * that is not JSON is refused before the API is called.
 */
class UiSubmitTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;
  private TestWorkflowEnvironment env;
  private TaskApiOnSocket api;
  private WorkflowUiServer ui;

  @BeforeEach
  void setUp() throws Exception {
    Path site = Files.createDirectories(dir.resolve("pipelines"));
    Files.writeString(site.resolve("screen.yaml"), """
        name: screen
        params: {source: "classpath:nightshift/data/approved_drugs.csv"}
        steps:
          - {name: load, tool: data.read_csv, params: {source: "${params.source}"}}
        """);
    env = TestWorkflowEnvironment.newInstance();
    var client = env.getWorkflowClient();
    api = TaskApiOnSocket.start(client, new TaskSubmitter(client, new DeclarativePlanner(ToolRegistry.fromClassPath()),
        PipelineCatalog.load(site), 8, false, List.of(), Optional.empty()), null);
    ui = WorkflowUiServer.start("127.0.0.1", 0, "127.0.0.1:" + api.port());
  }

  @AfterEach
  void tearDown() {
    ui.close();
    api.close();
    env.close();
  }

  @Test
  void shouldStartTheTaskTheFormDescribes() throws Exception {
    RawHttp.Answer answer = post("""
        {"taskId": "from-the-page", "spec": {"pipelineName": "screen", "goal": "screen the drugs",
         "budget": {"maxTokens": "1000", "maxCost": "2.50"}}}""", "application/json");

    assertThat(answer.status()).isEqualTo(200);
    assertThat(JSON.readTree(answer.body()).get("taskId").asText()).isEqualTo("from-the-page");
    // started (no worker runs it here, so its progress query would wait: the execution itself is looked up)
    var started = env.getWorkflowClient().getWorkflowServiceStubs().blockingStub().describeWorkflowExecution(
        DescribeWorkflowExecutionRequest.newBuilder().setNamespace(env.getNamespace())
            .setExecution(WorkflowExecution.newBuilder().setWorkflowId("from-the-page")).build());
    assertThat(started.getWorkflowExecutionInfo().getType().getName()).isEqualTo("TaskWorkflow");
  }

  @Test
  void shouldAnswerARefusalWithTheFieldTheApiNamed() throws Exception {
    RawHttp.Answer answer = post("""
        {"spec": {"pipelineName": "screen", "budget": {"maxCost": "lots"}}}""", "application/json");

    assertThat(answer.status()).isEqualTo(400);
    JsonNode body = JSON.readTree(answer.body());
    assertThat(body.get("code").asText()).isEqualTo("INVALID_ARGUMENT");
    assertThat(body.get("fields").get(0).get("field").asText()).isEqualTo("spec.budget.max_cost");
  }

  @Test
  void shouldRefuseABodyThatIsNotJsonBeforeCallingTheApi() throws Exception {
    assertThat(post("spec.pipelineName=screen", "application/x-www-form-urlencoded").status()).isEqualTo(415);
    RawHttp.Answer malformed = post("{\"spec\": {\"noSuchField\": 1}}", "application/json");
    assertThat(malformed.status()).isEqualTo(400);
    assertThat(malformed.body()).contains("SubmitTaskRequest");
  }

  @Test
  void shouldListThePipelinesAFormOffers() throws Exception {
    RawHttp.Answer answer = RawHttp.get(ui.port(), "/api/pipelines", host());

    assertThat(answer.status()).isEqualTo(200);
    JsonNode screen = JSON.readTree(answer.body()).get("pipelines").get(0);
    assertThat(screen.get("name").asText()).isEqualTo("screen");
    assertThat(screen.get("params").get(0).get("defaultValue").asText())
        .isEqualTo("classpath:nightshift/data/approved_drugs.csv");
    assertThat(RawHttp.send(ui.port(), "POST", "/api/pipelines", Map.of("Host", host(), "Content-Type",
        "application/json"), "{}").status()).isEqualTo(404);
  }

  private RawHttp.Answer post(String body, String type) throws Exception {
    return RawHttp.send(ui.port(), "POST", "/api/tasks", Map.of("Host", host(), "Content-Type", type), body);
  }

  private String host() {
    return "127.0.0.1:" + ui.port();
  }
}
