package io.nightshift.workflows.agent;

import static io.nightshift.workflows.engine.RecordedPayloads.fieldNames;
import static io.nightshift.workflows.engine.RecordedPayloads.first;
import static io.nightshift.workflows.engine.RecordedPayloads.read;
import static io.nightshift.workflows.engine.RecordedPayloads.roundTrip;
import static io.nightshift.workflows.engine.RecordedPayloads.startInput;
import static io.nightshift.workflows.engine.RecordedPayloads.written;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.nightshift.core.artifact.ArtifactRef;
import io.nightshift.core.pipeline.ContextSettings;
import io.nightshift.core.pipeline.LoopGuardSettings;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * AgentInput, AgentResult and AgentProgress were split into parts by concern; the agent histories recorded before
 * that (flat JSON) must read into the parts, and what is written now must have the same flat shape, so old and new
 * workers, and an API and a worker of either version, read each other's payloads. The model call's records lost the
 * constructors that filled in fields older histories lack; those fields must still read as those constructors
 * filled them in.
 */
class AgentRecordedShapesTest {
  private static final String DIGEST = "sha256:2689367b205c16ce32ed4200942b8b8b1e262dfc70d9bc9fbc77c49699a4f1df";
  private static final ArtifactRef REF = new ArtifactRef(DIGEST, 2, "text/plain");

  @Test
  void shouldReadAnAgentInputRecordedBeforeItHadPartsOrEndpoints() throws Exception {
    AgentInput input = startInput("agent-budget", AgentInput.class);

    assertThat(input.agentId()).isEqualTo("agent-budget");
    assertThat(input.brief()).isEqualTo(new AgentBrief("recorded agent-budget", "Do the thing.",
        List.of("text.echo", "text.fail", "text.steer")));
    assertThat(input.routing()).isEqualTo(AgentRouting.to("scripted")); // recorded before agents had endpoints
    assertThat(input.limits()).isEqualTo(new AgentLimits(5, 4, 50, 0)); // and before turnsPerRun
    assertThat(input.budget().maxTokens()).isEqualTo(700);
    assertThat(input.resume()).isEmpty();
  }

  @Test
  void shouldReadAToolCallRecordedBeforeToolCallsNamedTheirEndpointAsNamingNone() throws Exception {
    AgentToolInput recorded = first("agent-budget", e -> e.getActivityTaskScheduledEventAttributes().getInput(),
        "\"idempotencyKey\"", AgentToolInput.class);

    assertThat(recorded.endpoint()).isEmpty();
    AgentToolInput now = new AgentToolInput("t/a", 1, recorded.call(), "t/a/1/0", MemoryScope.ofStep("t", "a"),
        Optional.of("scripted"));
    assertThat(fieldNames(written(now))).containsExactlyInAnyOrder("agentId", "turn", "call", "idempotencyKey",
        "memory", "endpoint");
    assertThat(roundTrip(now)).isEqualTo(now);
  }

  @Test
  void shouldGiveAnAgentAndAToolCallRecordedBeforeAgentsHadMemoryTheAgentsOwnNotes() throws Exception {
    AgentInput input = startInput("agent-budget", AgentInput.class);
    AgentToolInput call = first("agent-budget", e -> e.getActivityTaskScheduledEventAttributes().getInput(),
        "\"idempotencyKey\"", AgentToolInput.class);

    assertThat(input.brief().memory()).isEmpty();
    assertThat(input.brief().memoryOf(input.agentId())).isEqualTo(new MemoryScope("agent-budget", "agent"));
    assertThat(call.memory()).isEqualTo(new MemoryScope("agent-budget", "agent"));
    AgentToolInput now = new AgentToolInput("t/a", 1, call.call(), "t/a/1/0", MemoryScope.ofStep("t", "a"),
        Optional.empty());
    assertThat(fieldNames(written(now))).contains("memory");
    assertThat(roundTrip(now)).isEqualTo(now);
  }

  @Test
  void shouldReadTheSharedMemoryScopeAnAgentAndItsToolCallsWereRecordedWith() throws Exception {
    AgentInput input = startInput("agent-memory", AgentInput.class);
    AgentToolInput call = first("agent-memory", e -> e.getActivityTaskScheduledEventAttributes().getInput(),
        "\"idempotencyKey\"", AgentToolInput.class);

    assertThat(input.brief().memory()).contains(MemoryScope.shared("agent-memory", "team"));
    assertThat(call.call().name()).isEqualTo("memory.save");
    assertThat(call.memory()).isEqualTo(MemoryScope.shared("agent-memory", "team"));
  }

  @Test
  void shouldReadTheEndpointsAndQueueAnAgentWasStartedWith() throws Exception {
    assertThat(startInput("agent-affinity", AgentInput.class).routing())
        .isEqualTo(new AgentRouting("a", List.of("a", "b"), Optional.empty()));
    AgentInput leased = first("task-placed-agent-leased",
        e -> e.getStartChildWorkflowExecutionInitiatedEventAttributes().getInput(), "\"agentId\"", AgentInput.class);
    assertThat(leased.routing()).isEqualTo(AgentRouting.onServer("cpu-m2-1", "backend-cpu"));
  }

  @Test
  void shouldReadTheResumptionAnAgentContinuedAsNewWith() throws Exception {
    AgentInput next = first("agent-continued",
        e -> e.getWorkflowExecutionContinuedAsNewEventAttributes().getInput(), "\"agentId\"", AgentInput.class);

    AgentInput.Resume resume = next.resume().orElseThrow();
    assertThat(resume.turns()).isEqualTo(2);
    assertThat(resume.unsent()).isNotEmpty();
    assertThat(resume.startedAtMillis()).isPositive();
  }

  @Test
  void shouldReadAnAgentResultRecordedBeforeItSaidWhichEndpointServed() throws Exception {
    AgentResult r = first("agent-budget", e -> e.getWorkflowExecutionCompletedEventAttributes().getResult(),
        "\"reason\"", AgentResult.class);

    assertThat(r.reason()).isEqualTo(StopReason.BUDGET_EXHAUSTED);
    assertThat(r.answer()).isNull();
    assertThat(r.detail()).startsWith("token budget");
    assertThat(r.conversation().transcript()).isNotNull();
    assertThat(r.conversation().unsent()).hasSize(1);
    assertThat(r.conversation().servedBy()).isNull();
    assertThat(r.usage().turns()).isEqualTo(2);
    assertThat(r.usage().toolCalls()).isEqualTo(2);
    assertThat(r.usage().budget().tokensSpent()).isEqualTo(480);
    assertThat(r.usage().budget().costSpent()).isEqualTo(new BigDecimal("0.000480")); // as recorded, scale and all
    assertThat(first("agent-affinity", e -> e.getWorkflowExecutionCompletedEventAttributes().getResult(),
        "\"reason\"", AgentResult.class).conversation().servedBy()).isEqualTo("b");
  }

  @Test
  void shouldReadAModelCallRecordedBeforeItHadFallbacksOrSaidWhoAnswered() throws Exception {
    ModelTurnInput call = first("agent-budget", e -> e.getActivityTaskScheduledEventAttributes().getInput(),
        "\"append\"", ModelTurnInput.class);
    ModelTurnOutput answer = first("agent-budget", e -> e.getActivityTaskCompletedEventAttributes().getResult(),
        "\"usageReported\"", ModelTurnOutput.class);

    assertThat(call.endpoint()).isEqualTo("scripted");
    assertThat(call.fallbacks()).isEmpty();
    assertThat(answer.endpoint()).isNull();
    assertThat(answer.tokens()).isPositive();
  }

  @Test
  void shouldWriteEveryPartOfAnAgentInputFlatUnderTheFieldNamesItWasRecordedWith() throws Exception {
    AgentInput input = AgentInput.fresh("t/a", new AgentBrief("be brief", "go", List.of("text.upper")),
        new AgentRouting("a", List.of("a", "b"), Optional.empty()), new AgentLimits(4, 8, 512, 0),
        AgentBudget.ofTokens(1_000));

    JsonNode json = written(input);

    assertThat(fieldNames(json)).containsExactlyInAnyOrder("agentId", "endpoint", "instructions", "task", "tools",
        "limits", "budget", "activityQueue", "resume", "endpoints", "memory", "context", "loopGuard"); // issue 19
    assertThat(json.get("activityQueue").isNull()).isTrue(); // the workflow's own queue is null, as recorded
    assertThat(json.get("resume").isNull()).isTrue();
    assertThat(json.get("memory").isNull()).isTrue(); // the agent's own notes
    assertThat(roundTrip(input)).isEqualTo(input);
    AgentInput sharing = AgentInput.fresh("t/a", new AgentBrief("be brief", "go", List.of("memory.save"),
        Optional.of(MemoryScope.shared("t", "team"))), AgentRouting.to("a"), new AgentLimits(4, 8, 512, 0),
        AgentBudget.ofTokens(1_000));
    assertThat(written(sharing).get("memory").get("name").asText()).isEqualTo("shared:team");
    assertThat(roundTrip(sharing)).isEqualTo(sharing);
    AgentInput resumed = input.withRouting(AgentRouting.onServer("s-1", "backend-cpu")).withResume(
        new AgentInput.Resume(REF, List.of(PendingEntry.delta(REF).withNote("[loop guard] twice")), 1, 0, 10,
            BigDecimal.ONE, 0, 5, 2, new LoopGuardState("k", "r", 2, Map.of("text.bad", 1))))
        .withContext(new ContextSettings(ContextSettings.Strategy.WINDOW, 2, Optional.of("cheap"), Optional.of(300)))
        .withLoopGuard(new LoopGuardSettings(3, 0));
    assertThat(roundTrip(resumed)).isEqualTo(resumed);
  }

  @Test
  void shouldWriteAnAgentResultFlatUnderTheFieldNamesItWasRecordedWith() throws Exception {
    AgentResult result = new AgentResult(StopReason.ANSWERED, REF, "answered after 1 model calls",
        new ConversationState(REF, List.of(), "a"), new AgentUsage(1, 0, status()));

    JsonNode json = written(result);

    assertThat(fieldNames(json)).containsExactlyInAnyOrder("reason", "answer", "transcript", "turns", "toolCalls",
        "budget", "detail", "unsent", "servedBy", "compactions", "turnsLeftOut");
    assertThat(roundTrip(result)).isEqualTo(result);
  }

  @Test
  void shouldAnswerTheProgressQueryInTheFlatShapeOlderApisRead() throws Exception {
    AgentProgress progress = new AgentProgress("t/a", AgentProgress.Phase.CALLING_TOOLS, null,
        new AgentUsage(2, 1, status()), List.of("text.upper"), 0, REF);

    JsonNode json = written(progress);

    assertThat(fieldNames(json)).containsExactlyInAnyOrder("agentId", "phase", "turns", "toolCalls", "lastTools",
        "pendingGuidance", "budget", "transcript", "stopReason", "compactions", "turnsLeftOut");
    assertThat(roundTrip(progress)).isEqualTo(progress);
  }

  @Test
  void shouldReadAProgressAnswerOfAnOlderWorker() {
    String older = """
        {"agentId":"t/a","phase":"ENDED","turns":3,"toolCalls":2,"lastTools":["text.upper"],"pendingGuidance":0,
        "budget":{"tokensSpent":45,"costSpent":0.000045,"tokensReserved":0,"costReserved":0,"maxTokens":100,
        "maxCost":1,"unreportedCalls":0},"transcript":{"digest":"%s","size":2,"mediaType":"text/plain"},
        "stopReason":"ANSWERED"}""".formatted(DIGEST);

    AgentProgress p = read(older, AgentProgress.class);

    assertThat(p.phase()).isEqualTo(AgentProgress.Phase.ENDED);
    assertThat(p.stopReason()).isEqualTo(StopReason.ANSWERED);
    assertThat(p.usage().turns()).isEqualTo(3);
    assertThat(p.usage().toolCalls()).isEqualTo(2);
    assertThat(p.usage().budget().tokensSpent()).isEqualTo(45);
    assertThat(p.usage().compactions()).isZero(); // a worker from before compaction: none done
    assertThat(p.usage().turnsLeftOut()).isZero();
    assertThat(p.transcript()).isEqualTo(REF);
  }

  @Test
  void shouldAnswerTheProgressQueryBeforeTheAgentStarted() {
    AgentProgress before = new AgentProgress(null, AgentProgress.Phase.THINKING, null, new AgentUsage(0, 0, null),
        List.of(), 0, null);

    assertThat(roundTrip(before)).isEqualTo(before);
  }

  private static BudgetStatus status() {
    return new BudgetStatus(15, new BigDecimal("0.01"), 0, BigDecimal.ZERO, 1_000, BigDecimal.ONE, 0);
  }
}
