package io.nightshift.runtime.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.nightshift.core.artifact.FileArtifactStore;
import io.nightshift.core.pipeline.ContextSettings;
import io.nightshift.models.ModelCall;
import io.nightshift.models.endpoint.ModelEndpointConfig;
import io.nightshift.models.endpoint.ModelEndpointRegistry;
import io.nightshift.models.testing.RecordedRequest;
import io.nightshift.models.testing.ScriptedOpenAiServer;
import io.nightshift.models.testing.ScriptedReply;
import io.nightshift.tools.registry.ToolRegistry;
import io.nightshift.workflows.activities.ToolFiles;
import io.nightshift.workflows.agent.AgentBrief;
import io.nightshift.workflows.agent.AgentBudget;
import io.nightshift.workflows.agent.AgentInput;
import io.nightshift.workflows.agent.AgentLimits;
import io.nightshift.workflows.agent.AgentResult;
import io.nightshift.workflows.agent.AgentRouting;
import io.nightshift.workflows.agent.AgentWorkflow;
import io.nightshift.workflows.agent.Compaction;
import io.nightshift.workflows.agent.StopReason;
import io.nightshift.workflows.agent.TranscriptMessage;
import io.nightshift.workflows.agent.Transcripts;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.WorkerFactory;
import io.temporal.worker.WorkerOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An agent whose worker is stopped in the middle of a compaction (its summary call still waiting on the endpoint)
 * and another worker started: the agent goes on from where it was, through the real activities. The compaction in
 * flight is redone by the new worker; no finished model call is made again, and each compaction is recorded once.
 */
class AgentStoppedMidCompactionTest {
  private static final String QUEUE = "agents";
  private static final String SUMMARY = "- text.upper was called on long texts; the code word is HELLO.";
  private static final String LONG_TEXT = "hello world and some more words to make the text long ".repeat(8);
  private static final int CALLS = 9;
  @TempDir Path dir;
  private ScriptedOpenAiServer server;
  private TestWorkflowEnvironment env;
  private FileArtifactStore store;
  private ModelCall models;

  @BeforeEach
  void setUp() throws IOException {
    server = ScriptedOpenAiServer.start("model");
    store = FileArtifactStore.unencrypted(dir.resolve("artifacts"));
    models = new ModelCall(ModelEndpointRegistry.of(List.of(ModelEndpointConfig.custom().id("scripted")
        .baseUrl(server.baseUrl()).modelName("model").maxConcurrency(4).contextWindow(2_048).build())));
    env = TestWorkflowEnvironment.newInstance();
    env.start();
  }

  @AfterEach
  void tearDown() {
    env.close();
    server.close();
  }

  @Test
  void shouldResumeWithoutRedoingFinishedTurnsOrCompactionsWhenTheWorkerStopsMidCompaction() throws Exception {
    AtomicInteger summaries = new AtomicInteger();
    // the first summary call hangs (until the worker that made it is gone); the ones after answer at once
    server.on(r -> isSummary(r) && summaries.incrementAndGet() == 1,
        ScriptedReply.slow(Duration.ofSeconds(30), ScriptedReply.text(SUMMARY, 400, 20)));
    server.on(AgentStoppedMidCompactionTest::isSummary, ScriptedReply.text(SUMMARY, 400, 20));
    for (int i = 0; i < CALLS; i++) {
      server.enqueue(ScriptedReply.toolCall("text__upper", "{\"text\":\"" + LONG_TEXT + "marker-" + i + "\"}"));
    }
    server.enqueue(ScriptedReply.text("HELLO, all done", 300, 5));
    WorkerFactory first = worker();
    AgentWorkflow agent = env.getWorkflowClient().newWorkflowStub(AgentWorkflow.class,
        WorkflowOptions.newBuilder().setWorkflowId("stopped").setTaskQueue(QUEUE).build());
    WorkflowClient.start(agent::run, input());

    awaitFirstSummaryCall();
    int callsBeforeStop = agentCalls().size();
    first.shutdownNow();
    first.awaitTermination(10, TimeUnit.SECONDS);
    assertThat(first.isTerminated()).isTrue();
    WorkerFactory second = worker();
    AgentResult result;
    try {
      result = env.getWorkflowClient().newUntypedWorkflowStub("stopped").getResult(20, TimeUnit.SECONDS,
          AgentResult.class);
    } finally {
      second.shutdownNow();
    }

    assertThat(result.reason()).isEqualTo(StopReason.ANSWERED);
    assertThat(callsBeforeStop).isPositive();
    // every model call made once: each request answers a different last message (the task, then each tool result)
    List<String> answered = agentCalls().stream().map(RecordedRequest::lastMessageContent).toList();
    assertThat(answered).hasSize(CALLS + 1).doesNotHaveDuplicates();
    assertThat(result.usage().turns()).isEqualTo(CALLS + 1);
    // the interrupted summary was asked for again, once; every later compaction once
    assertThat(summaries.get()).isEqualTo(result.usage().compactions() + 1);
    List<Compaction> events = new Transcripts(store).messages(result.conversation().transcript()).stream()
        .filter(TranscriptMessage::hasCompaction).map(TranscriptMessage::compaction).toList();
    assertThat(events).hasSize(result.usage().compactions()).isNotEmpty();
    assertThat(events).extracting(Compaction::upTo).doesNotHaveDuplicates();
  }

  /** A worker process: the agent workflow and its real activities on the shared store and endpoint. */
  private WorkerFactory worker() {
    WorkerFactory factory = WorkerFactory.newInstance(env.getWorkflowClient());
    // no sticky queue: the test server would wait for a stopped worker's sticky queue, as Temporal does for a while
    AgentWorkers.register(factory.newWorker(QUEUE, WorkerOptions.newBuilder()
            .setStickyQueueScheduleToStartTimeout(Duration.ZERO).build()), models,
        ToolRegistry.of(List.of(new TextTools())), ToolFiles.withoutInputs(store, dir.resolve("scratch")));
    factory.start();
    return factory;
  }

  private void awaitFirstSummaryCall() throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
    while (server.chatRequests().stream().noneMatch(AgentStoppedMidCompactionTest::isSummary)) {
      assertThat(System.nanoTime()).as("a summary call within 15 s").isLessThan(deadline);
      Thread.sleep(20);
    }
  }

  private List<RecordedRequest> agentCalls() {
    return server.chatRequests().stream().filter(r -> !isSummary(r)).toList();
  }

  private static AgentInput input() {
    return AgentInput.fresh("stopped", new AgentBrief("You transform text with tools.", "Shout hello, many times.",
            List.of("text.upper")), AgentRouting.to("scripted"), new AgentLimits(12, 4, 64, 0),
        AgentBudget.unlimited()).withContext(new ContextSettings(ContextSettings.Strategy.COMPACT, 2,
        Optional.empty(), Optional.empty()));
  }

  private static boolean isSummary(RecordedRequest r) {
    return r.json() != null && r.json().path("messages").path(0).path("content").asText()
        .startsWith("You compact the conversation");
  }
}
