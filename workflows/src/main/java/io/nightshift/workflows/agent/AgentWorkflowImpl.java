package io.nightshift.workflows.agent;

import io.nightshift.core.artifact.ArtifactRef;
import io.nightshift.core.pipeline.LoopGuardSettings;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.workflow.Async;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The agent loop. Workflow state holds references and counters only; what the model and the tools said lives
 * in the artifact store, so each turn adds a bounded number of history bytes however long the conversation.
 */
public final class AgentWorkflowImpl implements AgentWorkflow {
  /** Version marker: the last allowed model call offers no tools and asks for the answer. */
  static final String FINAL_ANSWER_TURN = "agent-final-answer-turn";
  static final String FINAL_TURN_PROMPT = "This is your last turn: answer now with what you have found so far. "
      + "No more tools can be called.";
  /**
   * Version marker: each model call keeps the conversation inside the endpoint's context window, by the step's
   * context policy, and a conversation that outgrows it is compacted by an activity of its own.
   */
  static final String CONTEXT_MANAGEMENT = "agent-context-management";
  /**
   * Version marker: the loop guard counts repeated and failing tool calls, notes them in the results and ends a
   * stuck step ({@link LoopGuard}). Agents recorded before run without it: it would end a loop their history goes
   * on with.
   */
  static final String LOOP_GUARD = "agent-loop-guard";
  private final List<String> guidance = new ArrayList<>();
  private AgentInput input;
  private BudgetLedger ledger;
  private ReservationEstimator estimator;
  private AgentProgress.Phase phase = AgentProgress.Phase.THINKING;
  private int turns;
  private int toolCalls;
  private List<String> lastTools = List.of();
  private ArtifactRef transcript;
  private StopReason stopReason;
  /** KV-cache affinity: the endpoint that served the last call, from its recorded result, so replay agrees. */
  private String sticky;
  private boolean managesContext;
  private int compactions;
  private int turnsLeftOut;
  private LoopGuard loopGuard;

  @Override
  public AgentResult run(AgentInput input) {
    this.input = input;
    this.sticky = input.routing().endpoint();
    Optional<AgentInput.Resume> resume = input.resume();
    this.ledger = resume.map(r -> BudgetLedger.resumed(input.budget(), r.tokensSpent(), r.costSpent(),
        r.unreportedCalls())).orElseGet(() -> new BudgetLedger(input.budget()));
    this.estimator = new ReservationEstimator(
        Workflow.getVersion(ReservationEstimator.CHANGE_ID, Workflow.DEFAULT_VERSION, ReservationEstimator.V1));
    this.managesContext = Workflow.getVersion(CONTEXT_MANAGEMENT, Workflow.DEFAULT_VERSION, 1) == 1;
    boolean guarded = Workflow.getVersion(LOOP_GUARD, Workflow.DEFAULT_VERSION, 1) == 1;
    this.loopGuard = new LoopGuard(guarded ? input.loopGuard() : LoopGuardSettings.OFF,
        resume.map(AgentInput.Resume::loopGuard).orElse(LoopGuardState.EMPTY));
    long startedAt = resume.map(AgentInput.Resume::startedAtMillis).filter(at -> at > 0)
        .orElseGet(Workflow::currentTimeMillis);
    AgentModelActivities model = Workflow.newActivityStub(AgentModelActivities.class,
        AgentActivityPolicies.model(input.routing().activityQueue()));
    List<PendingEntry> pending = opening(input);
    int turnsThisRun = 0;
    while (true) {
      if (turnsThisRun > 0 && (Workflow.getInfo().isContinueAsNewSuggested()
          || input.limits().turnsPerRun() > 0 && turnsThisRun >= input.limits().turnsPerRun())) {
        continueAsNew(pending, startedAt);
      }
      if (turns >= input.limits().maxTurns()) {
        return end(StopReason.STEP_LIMIT, null, "no answer after " + turns + " model calls", pending);
      }
      long elapsed = Workflow.currentTimeMillis() - startedAt;
      if (elapsed >= input.budget().maxWallClockMillis()) {
        return end(StopReason.BUDGET_EXHAUSTED, null, "wall-clock budget: " + elapsed + " ms of "
            + input.budget().maxWallClockMillis() + " ms used", pending);
      }
      for (String g : guidance) {
        pending.add(PendingEntry.message(TranscriptMessage.user(ConversationView.GUIDANCE_PREFIX + g)));
      }
      guidance.clear();
      String reservation = "model-" + (turns + 1);
      Optional<String> refused = ledger.reserve(reservation, estimator.tokens(input.limits()), estimator.cost(input.limits()));
      if (refused.isPresent()) {
        return end(StopReason.BUDGET_EXHAUSTED, null, refused.get(), pending);
      }
      // the last allowed call offers no tools: a model that would go on calling them (small ones often do) has to
      // answer with what it has, instead of the step failing on its turn limit with the work done lost
      boolean finalTurn = input.limits().maxTurns() > 1 && turns == input.limits().maxTurns() - 1
          && Workflow.getVersion(FINAL_ANSWER_TURN, Workflow.DEFAULT_VERSION, 1) == 1;
      if (finalTurn) {
        pending.add(PendingEntry.message(TranscriptMessage.user(FINAL_TURN_PROMPT)));
      }
      phase = AgentProgress.Phase.THINKING;
      List<String> offered = finalTurn ? List.of() : input.brief().tools();
      // a tool's result may name the tool to call next; it travels in the model activity's input only, so the
      // commands, and so replay, are as before
      Optional<String> required = PendingEntry.requiredTool(pending, offered);
      ModelTurnOutput out = callModel(model, reservation, pending, offered, required, true);
      if (out.overflowed()) {
        // the call was not made: compact what it would have sent (pending now in the transcript), then make it
        transcript = out.transcript();
        pending.clear();
        compact(reservation, offered);
        out = callModel(model, reservation, pending, offered, required, false);
      }
      turnsLeftOut = out.context().map(ContextUse::turnsLeftOut).orElse(0);
      ledger.settle(reservation, out.tokens(), out.cost(), out.usageReported());
      if (out.endpoint() != null) {
        sticky = out.endpoint();
      }
      estimator.observe(out);
      turns++;
      turnsThisRun++;
      transcript = out.transcript();
      pending.clear();
      if (!out.wantsTools()) {
        return end(StopReason.ANSWERED, out.answer(), "answered after " + turns + " model calls", pending);
      }
      if (finalTurn) {
        return end(StopReason.STEP_LIMIT, null, "no answer after " + turns + " model calls (the last one, offered "
            + "no tools, still asked for " + out.toolCalls().size() + " tool call(s))", pending);
      }
      pending.addAll(runTools(out.toolCalls()));
    }
  }

  @Override
  public void steer(String text) {
    if (text != null && !text.isBlank()) {
      guidance.add(text.strip());
    }
  }

  @Override
  public AgentProgress progress() {
    return new AgentProgress(input == null ? null : input.agentId(), phase, stopReason,
        new AgentUsage(turns, toolCalls, ledger == null ? null : ledger.status(), compactions, turnsLeftOut), lastTools,
        guidance.size(),
        transcript);
  }

  private List<PendingEntry> opening(AgentInput input) {
    List<PendingEntry> pending = new ArrayList<>();
    if (input.resume().isPresent()) {
      AgentInput.Resume resume = input.resume().get();
      transcript = resume.transcript();
      turns = resume.turns();
      toolCalls = resume.toolCalls();
      compactions = resume.compactions();
      pending.addAll(resume.unsent());
      return pending;
    }
    AgentBrief brief = input.brief();
    if (!brief.instructions().isBlank()) {
      pending.add(PendingEntry.message(TranscriptMessage.system(brief.instructions())));
    }
    pending.add(PendingEntry.message(TranscriptMessage.user(brief.task())));
    return pending;
  }

  /**
   * Starts this agent afresh with the state that matters (transcript, unsent messages, counters, spending), so
   * history stays bounded however many turns the agent takes. Called between turns, with nothing in flight;
   * guidance received so far travels as unsent messages.
   */
  private void continueAsNew(List<PendingEntry> pending, long startedAt) {
    List<PendingEntry> unsent = new ArrayList<>(pending);
    for (String g : guidance) {
      unsent.add(PendingEntry.message(TranscriptMessage.user(ConversationView.GUIDANCE_PREFIX + g)));
    }
    BudgetStatus spent = ledger.status();
    Workflow.continueAsNew(input.withRouting(input.routing().stickingTo(sticky)).withResume(new AgentInput.Resume(
        transcript, unsent, turns, toolCalls, spent.tokensSpent(), spent.costSpent(), spent.unreportedCalls(),
        startedAt, compactions, loopGuard.state())));
  }

  private ModelTurnOutput callModel(AgentModelActivities model, String reservation, List<PendingEntry> pending,
      List<String> offered, Optional<String> required, boolean mayCompact) {
    Optional<ContextPolicy> policy = managesContext ? Optional.of(policy(mayCompact)) : Optional.empty();
    try {
      return model.nextTurn(new ModelTurnInput(input.agentId(), turns + 1, sticky, transcript, pending,
          offered, input.limits().maxOutputTokens(), input.routing().fallbacksFor(sticky), policy, required));
    } catch (ActivityFailure e) {
      // the call used nothing we were told of; a failed agent keeps an honest ledger
      ledger.release(reservation);
      stopReason = null;
      phase = AgentProgress.Phase.ENDED;
      throw ApplicationFailure.newNonRetryableFailureWithCause("agent '" + input.agentId() + "': model call "
          + (turns + 1) + " failed: " + rootMessage(e), failureType(e), e);
    }
  }

  private ContextPolicy policy(boolean mayCompact) {
    ContextPolicy policy = ContextPolicy.of(input.context(), input.limits().maxOutputTokens());
    return mayCompact ? policy : policy.afterCompaction();
  }

  /**
   * Summarises the older turns (an activity of its own: a crash after it does not redo it), so the model call after
   * it fits. Its tokens are charged to the ledger like a model call's.
   */
  private void compact(String reservation, List<String> offered) {
    String summaryEndpoint = input.context().summaryEndpoint().orElse(sticky);
    AgentCompactionActivities compaction = Workflow.newActivityStub(AgentCompactionActivities.class,
        AgentActivityPolicies.compaction(input.routing().activityQueue()));
    CompactionOutput out;
    try {
      out = compaction.compact(new CompactionInput(input.agentId(), turns + 1, sticky, summaryEndpoint, transcript,
          offered, policy(true)));
    } catch (ActivityFailure e) {
      ledger.release(reservation);
      stopReason = null;
      phase = AgentProgress.Phase.ENDED;
      throw ApplicationFailure.newNonRetryableFailureWithCause("agent '" + input.agentId() + "': compacting the "
          + "conversation before model call " + (turns + 1) + " failed: " + rootMessage(e), failureType(e), e);
    }
    transcript = out.transcript();
    compactions++;
    // held at nothing: the summary's tokens are charged as reported (a budget check comes with the next call)
    String id = "compaction-" + compactions;
    ledger.reserve(id, 0, BigDecimal.ZERO);
    ledger.settle(id, out.inputTokens() + out.outputTokens(), out.cost(), out.usageReported());
  }

  /**
   * Runs the allowed calls of one answer in parallel and returns their results in the model's order. Refused
   * and failed calls become tool results the model reads, never a failed agent.
   */
  private List<PendingEntry> runTools(List<AgentToolCall> calls) {
    phase = AgentProgress.Phase.CALLING_TOOLS;
    lastTools = calls.stream().map(AgentToolCall::name).toList();
    loopGuard.refusal(calls.subList(0, Math.min(calls.size(), input.limits().maxToolCallsPerTurn())))
        .ifPresent(this::stuck);
    AgentToolActivities tools = Workflow.newActivityStub(AgentToolActivities.class,
        AgentActivityPolicies.tools(input.routing().activityQueue()));
    PendingEntry[] results = new PendingEntry[calls.size()];
    // what the loop guard counts, by call: none for a call over the turn's cap (it was not made)
    LoopGuard.Outcome[] outcomes = new LoopGuard.Outcome[calls.size()];
    String[] summaries = new String[calls.size()];
    Map<Integer, Promise<AgentToolOutput>> running = new LinkedHashMap<>();
    for (int i = 0; i < calls.size(); i++) {
      AgentToolCall call = calls.get(i);
      if (i >= input.limits().maxToolCallsPerTurn()) {
        results[i] = PendingEntry.toolNote(call, "refused: at most " + input.limits().maxToolCallsPerTurn()
            + " tool calls per turn; ask for this one again in your next turn");
      } else if (!input.brief().tools().contains(call.name())) {
        results[i] = PendingEntry.toolNote(call, "refused: tool '" + call.name()
            + "' is not allowed for this agent; allowed tools: " + String.join(", ", input.brief().tools()));
        summaries[i] = results[i].message().text();
        outcomes[i] = new LoopGuard.Outcome(false, Optional.of(ToolCallKey.ofResult(summaries[i])));
      } else {
        String key = input.agentId() + "/" + turns + "/" + i;
        // the endpoint travels in the input only, for the tool activity's use: the commands, and so replay, are as before
        running.put(i, Async.function(tools::callTool, new AgentToolInput(input.agentId(), turns, call, key,
            input.brief().memoryOf(input.agentId()), Optional.of(sticky))));
      }
    }
    running.forEach((i, promise) -> {
      toolCalls++;
      try {
        AgentToolOutput out = promise.get();
        results[i] = PendingEntry.delta(out.delta(), out.nextTool());
        summaries[i] = out.summary();
        outcomes[i] = new LoopGuard.Outcome(out.ok(), out.resultDigest());
      } catch (ActivityFailure e) {
        results[i] = PendingEntry.toolNote(calls.get(i), "error: the tool failed after retries: " + rootMessage(e));
        summaries[i] = results[i].message().text();
        outcomes[i] = new LoopGuard.Outcome(false, Optional.of(ToolCallKey.ofResult(summaries[i])));
      }
    });
    // counted in the model's order, once every result is in: the same on replay whatever order they came in
    for (int i = 0; i < calls.size(); i++) {
      if (outcomes[i] != null) {
        LoopGuard.Verdict verdict = loopGuard.record(calls.get(i), outcomes[i], summaries[i]);
        verdict.stop().ifPresent(this::stuck);
        int at = i;
        verdict.note().ifPresent(note -> results[at] = results[at].withNote(note));
      }
    }
    return List.of(results);
  }

  /**
   * Ends the step because the loop guard found it stuck: a failure no retry can fix, naming the tool, the count and
   * the bound, for the operator who reads it in the task view.
   */
  private void stuck(String why) {
    stopReason = null;
    phase = AgentProgress.Phase.ENDED;
    throw ApplicationFailure.newNonRetryableFailure("agent '" + input.agentId() + "': " + why,
        LoopGuard.LOOP_DETECTED);
  }

  private AgentResult end(StopReason reason, ArtifactRef answer, String detail, List<PendingEntry> unsent) {
    stopReason = reason;
    phase = AgentProgress.Phase.ENDED;
    return new AgentResult(reason, answer, detail, new ConversationState(transcript, unsent,
        turns == 0 ? null : sticky), new AgentUsage(turns, toolCalls, ledger.status(), compactions, turnsLeftOut));
  }

  /** A context window too small stays that (a person must act on it); anything else is a failed model call. */
  private static String failureType(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof ApplicationFailure af) {
        return AgentModelActivities.CONTEXT_TOO_SMALL.equals(af.getType()) ? af.getType()
            : AgentModelActivities.MODEL_CALL_FAILED;
      }
    }
    return AgentModelActivities.MODEL_CALL_FAILED;
  }

  /** The message of the failure the activity threw (the outermost application failure), not Temporal's wrapper. */
  private static String rootMessage(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof ApplicationFailure af) {
        return af.getOriginalMessage();
      }
    }
    return failure.getMessage();
  }
}
