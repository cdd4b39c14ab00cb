package io.nightshift.runtime.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.nightshift.core.artifact.FileArtifactStore;
import io.nightshift.core.pipeline.Plan;
import io.nightshift.core.pipeline.PlannedStep;
import io.nightshift.core.planner.PlanRequest;
import io.nightshift.models.ModelCall;
import io.nightshift.models.endpoint.ModelEndpointRegistry;
import io.nightshift.planners.llm.LlmPlanner;
import io.nightshift.provisioning.llamacpp.LlamaCppInstallation;
import io.nightshift.provisioning.llamacpp.LlamaCppProvisioner;
import io.nightshift.provisioning.llamacpp.LlamaCppServer;
import io.nightshift.tools.registry.ToolRegistry;
import io.nightshift.workflows.activities.ToolFiles;
import io.nightshift.workflows.agent.AgentBrief;
import io.nightshift.workflows.agent.AgentBudget;
import io.nightshift.workflows.agent.AgentInput;
import io.nightshift.workflows.agent.AgentLimits;
import io.nightshift.workflows.agent.AgentResult;
import io.nightshift.workflows.agent.AgentRouting;
import io.nightshift.workflows.agent.AgentWorkflow;
import io.nightshift.workflows.agent.TranscriptMessage;
import io.nightshift.workflows.agent.Transcripts;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The LLM planner and an agent on a real llama.cpp server with SmolLM2-135M (provisioned into the data directory
 * on first use, see models/README.md). The model is tiny: these check plumbing, constraints and recovery (a plan
 * that passes the validator, possibly after repairs; a real tool called through the agent loop), not judgement.
 * Figures go to target/agent-llamacpp-measurements.txt.
 */
class AgentLlamaCppIT {
  private static final List<String> measurements = new ArrayList<>();
  private static LlamaCppServer server;
  private static ModelCall models;
  private static ToolRegistry tools;

  @TempDir Path dir;

  @BeforeAll
  static void startServer() {
    LlamaCppProvisioner.Builder provisioner = LlamaCppProvisioner.builder(LlamaCppProvisioner.defaultDataDir());
    String existing = System.getenv("NIGHTSHIFT_LLAMACPP_VENV");
    if (existing != null && !existing.isBlank()) {
      provisioner.existingVenv(Path.of(existing));
    }
    LlamaCppInstallation installation = provisioner.build().provision();
    server = LlamaCppServer.builder(installation).contextSize(2048).threads(2)
        .logFile(Path.of("target", "agent-llama-cpp-server.log").toAbsolutePath()).start();
    models = new ModelCall(ModelEndpointRegistry.of(List.of(server.endpointConfig("llama"))));
    tools = ToolRegistry.of(List.of(new TextTools()));
  }

  @AfterAll
  static void stopServer() throws IOException {
    if (server != null) {
      server.close();
    }
    Path out = Path.of("target", "agent-llamacpp-measurements.txt");
    Files.createDirectories(out.getParent());
    Files.write(out, measurements);
  }

  @Test
  void shouldPlanAGoalIntoAValidPlanOnTheRealModel() {
    LlmPlanner planner = LlmPlanner.builder(models, "llama", tools).maxRepairs(3).maxOutputTokens(300).build();
    long t0 = System.nanoTime();

    Plan plan = planner.plan(PlanRequest.submitted("Write the text 'hello world' in capital letters.", null,
        Map.of()));

    long ms = (System.nanoTime() - t0) / 1_000_000;
    assertThat(plan.steps()).isNotEmpty();
    assertThat(plan.steps()).extracting(PlannedStep::tool).allSatisfy(t -> assertThat(tools.find(t)).isPresent());
    measure("LLM plan", ms + " ms, " + plan.steps().size() + " step(s): " + plan.steps().stream()
        .map(s -> s.name() + "=" + s.tool() + s.params()).toList());
  }

  @Test
  void shouldRunAnAgentThatCallsARealTool() throws IOException {
    FileArtifactStore store = FileArtifactStore.unencrypted(dir.resolve("artifacts"));
    try (TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance()) {
      Worker worker = env.newWorker("agents");
      AgentWorkers.register(worker, models, tools, ToolFiles.withoutInputs(store, dir.resolve("scratch")));
      env.start();
      AgentWorkflow agent = env.getWorkflowClient().newWorkflowStub(AgentWorkflow.class,
          WorkflowOptions.newBuilder().setWorkflowId("it-agent").setTaskQueue("agents").build());
      long t0 = System.nanoTime();

      AgentResult result = agent.run(AgentInput.fresh("it-agent",
          new AgentBrief("You are a helpful assistant. Use the tools to answer.",
              "Use the tool text__upper to write 'hello' in capital letters.", List.of("text.upper")),
          AgentRouting.to("llama"), new AgentLimits(3, 2, 80, 0), AgentBudget.ofTokens(20_000)));

      long ms = (System.nanoTime() - t0) / 1_000_000;
      List<TranscriptMessage> transcript = new Transcripts(store).messages(result.conversation().transcript());
      List<TranscriptMessage> toolResults = transcript.stream()
          .filter(m -> m.role() == TranscriptMessage.Role.TOOL && m.toolName().equals("text.upper")).toList();
      assertThat(result.usage().toolCalls()).isPositive();
      assertThat(toolResults).isNotEmpty();
      assertThat(toolResults).anySatisfy(m -> assertThat(m.text()).startsWith("ok:").contains("artifact:sha256:"));
      assertThat(result.usage().budget().tokensSpent()).isPositive();
      measure("agent", ms + " ms, " + result.reason() + " after " + result.usage().turns() + " model calls and "
          + result.usage().toolCalls() + " tool calls, " + result.usage().budget().tokensSpent()
          + " tokens; first tool result: " + toolResults.get(0).text().lines().findFirst().orElse(""));
    }
  }

  private static void measure(String what, String value) {
    measurements.add(what + ": " + value);
    System.out.println("[agent-llamacpp] " + what + ": " + value);
  }
}
