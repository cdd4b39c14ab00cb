package io.nightshift.runtime.agent;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.nightshift.core.artifact.FileArtifactStore;
import io.nightshift.models.ModelCall;
import io.nightshift.models.endpoint.ModelEndpointConfig;
import io.nightshift.models.endpoint.ModelEndpointRegistry;
import io.nightshift.models.testing.RecordedRequest;
import io.nightshift.models.testing.ScriptedOpenAiServer;
import io.nightshift.models.testing.ScriptedReply;
import io.nightshift.planners.declarative.DeclarativePlanner;
import io.nightshift.runtime.memory.FileNotebooks;
import io.nightshift.tools.BuiltinTools;
import io.nightshift.tools.registry.ToolRegistry;
import io.nightshift.workflows.TaskQueues;
import io.nightshift.workflows.activities.ActivityToolRunner;
import io.nightshift.workflows.activities.PlanningActivitiesImpl;
import io.nightshift.workflows.activities.StepActivitiesImpl;
import io.nightshift.workflows.activities.ToolFiles;
import io.nightshift.workflows.agent.AgentBrief;
import io.nightshift.workflows.agent.AgentBudget;
import io.nightshift.workflows.agent.AgentInput;
import io.nightshift.workflows.agent.AgentLimits;
import io.nightshift.workflows.agent.AgentResult;
import io.nightshift.workflows.agent.AgentRouting;
import io.nightshift.workflows.agent.AgentWorkflow;
import io.nightshift.workflows.agent.StopReason;
import io.nightshift.workflows.map.MapActivitiesImpl;
import io.nightshift.workflows.map.MapWorkflowImpl;
import io.nightshift.workflows.task.TaskInput;
import io.nightshift.workflows.task.TaskWorkflow;
import io.nightshift.workflows.task.TaskWorkflowImpl;
import io.temporal.api.history.v1.WorkflowExecutionStartedEventAttributes;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Agents' memory end to end: pipelines planned from YAML, tasks on Temporal's test server, the runtime's tool
 * activities with notebooks on disk, the model scripted over real HTTP. Two scouts of one task run in parallel and
 * save notes to the scope their pipeline shares; a later step of the task finds both with memory.search, notes its
 * own prompt and conversation never held; a step without the shared scope, and the same scope name in another
 * task, find nothing. An agent on its own finds what it saved on its first turn twelve turns later, after three
 * continues-as-new.
 */
class AgentMemoryTest {
  private static final String PIPELINE = """
      name: survey
      steps:
        - {name: scout_a, kind: agent, model: scripted, prompt: "Scout A: survey the north site",
           tools: [memory.save], memory_scope: team}
        - {name: scout_b, kind: agent, model: scripted, prompt: "Scout B: survey the south site",
           tools: [memory.save], memory_scope: team}
        - {name: report, kind: agent, model: scripted, prompt: "Report: what did the scouts find?",
           tools: [memory.search], memory_scope: team, needs: [scout_a, scout_b]}
        - {name: loner, kind: agent, model: scripted, prompt: "Loner: what did the scouts find?",
           tools: [memory.search], needs: [scout_a, scout_b]}
      """;
  private static final String REPORT_ONLY = """
      name: late
      steps:
        - {name: report, kind: agent, model: scripted, prompt: "Report: what did the scouts find?",
           tools: [memory.search], memory_scope: team}
      """;
  @TempDir Path dir;
  private ScriptedOpenAiServer model;
  private TestWorkflowEnvironment env;

  @BeforeEach
  void setUp() throws Exception {
    model = ScriptedOpenAiServer.start("model");
    String search = "{\"query\": \"site grid\"}";
    script("Scout A", ScriptedReply.toolCall("memory__save",
        "{\"text\": \"North site: the well at grid 17 is dry\", \"tags\": \"north, water\"}"));
    script("Scout B", ScriptedReply.toolCall("memory__save",
        "{\"text\": \"South site: the bridge at grid 4 is out\", \"tags\": [\"south\"]}"));
    script("Report", ScriptedReply.toolCall("memory__search", search));
    script("Loner", ScriptedReply.toolCall("memory__search", search));
    model.on(r -> toolResult(r).isPresent() && !prompt(r).startsWith("Diary"), ScriptedReply.text("done"));
    // the diary agent: a note on its first turn, ten turns of other searches, then the question
    model.on(r -> prompt(r).startsWith("Diary") && toolResults(r) == 0, ScriptedReply.toolCall("memory__save",
        "{\"text\": \"The lab door code is 4512\", \"tags\": \"access\"}"));
    for (int day = 1; day <= 10; day++) {
      // a search of its own each turn: ten times the same one would be a loop its guard ends (issue 19)
      int turn = day;
      model.on(r -> prompt(r).startsWith("Diary") && toolResults(r) == turn,
          ScriptedReply.toolCall("memory__search", "{\"query\": \"weather forecast day " + day + "\"}"));
    }
    model.on(r -> prompt(r).startsWith("Diary") && toolResults(r) == 11,
        ScriptedReply.toolCall("memory__search", "{\"query\": \"door code\", \"limit\": 3}"));
    model.on(r -> prompt(r).startsWith("Diary") && toolResults(r) == 12, ScriptedReply.text("The code is 4512."));

    FileArtifactStore store = FileArtifactStore.unencrypted(dir.resolve("artifacts"));
    ToolFiles files = ToolFiles.withoutInputs(store, dir.resolve("scratch"))
        .withNotebooks(new FileNotebooks(dir.resolve("memory"), store, Clock.systemUTC()));
    ToolRegistry tools = ToolRegistry.of(List.of(new BuiltinTools()));
    ModelCall models = new ModelCall(ModelEndpointRegistry.of(List.of(ModelEndpointConfig.custom()
        .id("scripted").baseUrl(model.baseUrl()).modelName("model").maxConcurrency(4).build())));
    env = TestWorkflowEnvironment.newInstance();
    Worker worker = env.newWorker(TaskQueues.CONTROL);
    worker.registerWorkflowImplementationTypes(TaskWorkflowImpl.class, MapWorkflowImpl.class);
    worker.registerActivitiesImplementations(new PlanningActivitiesImpl(new DeclarativePlanner(tools)),
        new StepActivitiesImpl(tools::find, files, ActivityToolRunner.HEARTBEAT_EVERY_MILLIS),
        new MapActivitiesImpl(store));
    AgentWorkers.register(worker, models, tools, files);
    env.start();
  }

  @AfterEach
  void tearDown() {
    env.close();
    model.close();
  }

  @Test
  void shouldLetALaterStepFindWhatParallelAgentsOfItsTaskSavedToTheirSharedScopeAndNoOtherStepOrTask() {
    run("survey-1", "survey", PIPELINE);

    String report = searchResult("Report");
    assertThat(report).startsWith("ok: 2 of 2 notes in memory scope 'shared:team' match")
        .contains("tags: north, water\n   North site: the well at grid 17 is dry")
        .contains("tags: south\n   South site: the bridge at grid 4 is out");
    // the report's model saw the notes first in the search's result: not in its prompt, not from the scouts
    assertThat(firstRequest("Report").body()).doesNotContain("grid 17").doesNotContain("grid 4");
    assertThat(searchResult("Loner")).startsWith("ok: 0 of 0 notes in memory scope 'step:loner' match");

    run("survey-2", "late", REPORT_ONLY); // the same scope name in another task: its own, empty notebook
    List<String> reports = requests("Report").stream().flatMap(r -> toolResult(r).stream()).toList();
    assertThat(reports).hasSize(2);
    assertThat(reports.get(1)).startsWith("ok: 0 of 0 notes in memory scope 'shared:team' match");
  }

  @Test
  void shouldFindANoteSavedOnTheFirstTurnTwelveTurnsAndThreeContinuesAsNewLater() throws Exception {
    AgentWorkflow agent = env.getWorkflowClient().newWorkflowStub(AgentWorkflow.class,
        WorkflowOptions.newBuilder().setWorkflowId("diary").setTaskQueue(TaskQueues.CONTROL).build());
    AgentResult result = agent.run(AgentInput.fresh("diary", new AgentBrief("", "Diary: keep notes",
        List.of("memory.save", "memory.search")), AgentRouting.to("scripted"), new AgentLimits(14, 4, 64, 4),
        AgentBudget.unlimited()));

    assertThat(result.reason()).isEqualTo(StopReason.ANSWERED);
    assertThat(result.usage().turns()).isEqualTo(13);
    // the last run of the agent started after turn 12: a new run, whose workflow state held no note
    WorkflowExecutionStartedEventAttributes lastRun = env.getWorkflowClient().fetchHistory("diary").getEvents()
        .get(0).getWorkflowExecutionStartedEventAttributes();
    AgentInput lastInput = env.getWorkflowClient().getOptions().getDataConverter()
        .fromPayloads(0, Optional.of(lastRun.getInput()), AgentInput.class, AgentInput.class);
    assertThat(lastRun.getContinuedExecutionRunId()).isNotEmpty();
    assertThat(lastInput.resume().orElseThrow().turns()).isEqualTo(12);
    List<RecordedRequest> diary = requests("Diary");
    assertThat(diary.get(5).lastMessageContent()).startsWith("ok: 0 of 1 notes in memory scope 'agent' match");
    assertThat(diary.get(12).lastMessageContent())
        .startsWith("ok: 1 of 1 notes in memory scope 'agent' match\n")
        .contains("1 of 1 notes in memory scope 'agent' match \"door code\" (best first):\n1. score ")
        .contains("tags: access\n   The lab door code is 4512");
  }

  private void run(String taskId, String pipelineName, String yaml) {
    TaskWorkflow task = env.getWorkflowClient().newWorkflowStub(TaskWorkflow.class,
        WorkflowOptions.newBuilder().setWorkflowId(taskId).setTaskQueue(TaskQueues.CONTROL).build());
    task.run(TaskInput.builder(taskId, "survey the sites").pipeline(pipelineName, yaml).build());
  }

  /** The model's first answer to the agent whose prompt starts with {@code who}: call its memory tool. */
  private void script(String who, ScriptedReply reply) {
    Predicate<RecordedRequest> first = r -> prompt(r).startsWith(who) && toolResult(r).isEmpty();
    model.on(first, reply);
  }

  private String searchResult(String who) {
    return requests(who).stream().flatMap(r -> toolResult(r).stream()).findFirst().orElseThrow();
  }

  private RecordedRequest firstRequest(String who) {
    return requests(who).get(0);
  }

  private List<RecordedRequest> requests(String who) {
    return model.chatRequests().stream().filter(r -> prompt(r).startsWith(who)).toList();
  }

  private static String prompt(RecordedRequest r) {
    return messages(r).filter(m -> m.path("role").asText().equals("user")).findFirst()
        .map(m -> m.path("content").asText()).orElse("");
  }

  private static Optional<String> toolResult(RecordedRequest r) {
    return messages(r).filter(m -> m.path("role").asText().equals("tool")).findFirst()
        .map(m -> m.path("content").asText());
  }

  private static long toolResults(RecordedRequest r) {
    return messages(r).filter(m -> m.path("role").asText().equals("tool")).count();
  }

  private static Stream<JsonNode> messages(RecordedRequest r) {
    return r.json() == null ? Stream.empty()
        : StreamSupport.stream(r.json().path("messages").spliterator(), false);
  }
}
