package io.nightshift.runtime.agent;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import io.nightshift.core.artifact.ArtifactRef;
import io.nightshift.core.artifact.ArtifactStore;
import io.nightshift.core.pipeline.ContextSettings;
import io.nightshift.models.ModelCall;
import io.nightshift.models.ModelCallRequest;
import io.nightshift.models.ModelCallResult;
import io.nightshift.models.TokenCounts;
import io.nightshift.models.context.PromptMeter;
import io.nightshift.models.failure.FailureKind;
import io.nightshift.models.failure.ModelCallException;
import io.nightshift.workflows.agent.AgentModelActivities;
import io.nightshift.workflows.agent.AgentToolCall;
import io.nightshift.workflows.agent.AnswerCut;
import io.nightshift.workflows.agent.CallUse;
import io.nightshift.workflows.agent.CompactionPlan;
import io.nightshift.workflows.agent.ContextFit;
import io.nightshift.workflows.agent.ContextPolicy;
import io.nightshift.workflows.agent.ContextUse;
import io.nightshift.workflows.agent.ConversationView;
import io.nightshift.workflows.agent.ModelTurnInput;
import io.nightshift.workflows.agent.ModelTurnOutput;
import io.nightshift.workflows.agent.TranscriptMessage;
import io.nightshift.workflows.agent.Transcripts;
import io.temporal.failure.ApplicationFailure;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One model call of an agent, through models' {@link ModelCall} (so under the endpoint's circuit breaker,
 * bulkhead and rate limiter): append what the workflow sent to the transcript, read the transcript back, choose what
 * of it fits the endpoint's context window (by the step's context policy), call, store the answer as a delta. A retry after a failed call appends the same content and so gets the same
 * references; nothing is stored twice.
 */
public final class AgentModelActivitiesImpl implements AgentModelActivities {
  private static final Logger log = LoggerFactory.getLogger(AgentModelActivitiesImpl.class);

  private final ModelCall models;
  private final ToolBridge tools;
  private final ArtifactStore artifacts;
  private final Transcripts transcripts;
  private final PromptInlining inlining;

  private final AgentPrompts prompts;

  /** @param meter the context window and prompt size of each endpoint, asked before every call */
  public AgentModelActivitiesImpl(ModelCall models, ToolBridge tools, ArtifactStore artifacts, PromptMeter meter) {
    this.models = models;
    this.tools = tools;
    this.artifacts = artifacts;
    this.transcripts = new Transcripts(artifacts);
    this.inlining = new PromptInlining(artifacts);
    this.prompts = new AgentPrompts(meter);
  }

  @Override
  public ModelTurnOutput nextTurn(ModelTurnInput input) {
    // a model call on a CPU server takes minutes: beating lets a call on a worker that died be retried within the
    // heartbeat timeout rather than after the start-to-close timeout
    try (CallHeartbeats beating = CallHeartbeats.startIfInActivity()) {
      return nextTurnBeating(input);
    }
  }

  private ModelTurnOutput nextTurnBeating(ModelTurnInput input) {
    ArtifactRef index = transcripts.append(input.transcript(), input.append());
    List<TranscriptMessage> conversation = inlining.expand(transcripts.messages(index));
    List<ToolSpecification> offered = tools.specifications(input.tools());
    List<TranscriptMessage> sent = conversation;
    Optional<ContextUse> use = Optional.empty();
    ConversationView view = ConversationView.of(conversation);
    if (input.context().isPresent()) {
      int window = prompts.meter().contextWindow(input.endpoint());
      view = ConversationView.of(conversation, AnswerCut.boundChars(input.context().get().reserveTokens(), window));
      ContextFit.Choice choice = ContextFit.choose(view, input.context().get(), window,
          input.endpoint(), prompts.tokens(input.endpoint(), offered, input.maxOutputTokens()));
      if (choice instanceof ContextFit.Compact compact) {
        log.info("agent {} turn {}: the conversation takes {} of {} tokens' window on {}: compacting first",
            input.agentId(), input.turn(), compact.promptTokens(), window, input.endpoint());
        return ModelTurnOutput.overflowed(index, compact.promptTokens(), window);
      }
      if (choice instanceof ContextFit.TooSmall tooSmall) {
        log.warn("agent {} turn {}: {}", input.agentId(), input.turn(), tooSmall.reason());
        throw CompactionPlan.tooSmall(tooSmall.reason());
      }
      ContextFit.Send send = (ContextFit.Send) choice;
      sent = send.messages();
      use = Optional.of(new ContextUse(send.promptTokens(), window, send.turnsLeftOut(), false));
      if (send.turnsLeftOut() > 0) {
        log.info("agent {} turn {}: {} oldest turn(s) left out of view to fit the window of {} tokens",
            input.agentId(), input.turn(), send.turnsLeftOut(), window);
      }
    }
    ModelCallResult result;
    try {
      ModelCallRequest request = AgentPrompts.request(sent, offered, input.maxOutputTokens());
      result = callStickingToEndpoint(input, input.requiredTool().map(ToolBridge::wireName)
          .filter(wire -> offered.stream().anyMatch(spec -> spec.name().equals(wire)))
          .map(request::withRequiredTool).orElse(request));
    } catch (ModelCallException refused) { // only a context-length refusal comes out as is
      if (input.context().isEmpty()) {
        throw ModelFailures.of(refused); // no context policy: a refusal fails the agent, as it always has
      }
      return overflowOrTooSmall(input, index, view, ContextRefusal.of(refused).orElseThrow(), use);
    }
    List<AgentToolCall> calls = toolCalls(result.toolCalls(), input.turn());
    String text = result.text();
    ArtifactRef next = transcripts.appendMessages(index,
        List.of(TranscriptMessage.assistant(text, calls).withCall(callUse(result, use))));
    ArtifactRef answer = calls.isEmpty() ? store(text == null ? "" : text) : null;
    log.info("agent {} turn {}: {} ({} + {} tokens, {}{} ms)", input.agentId(), input.turn(),
        calls.isEmpty() ? "answered" : "asked for " + calls.stream().map(AgentToolCall::name).toList(),
        result.usage().input(), result.usage().output(),
        use.map(u -> "prompt measured " + u.promptTokens() + " of a " + u.window() + "-token window, ").orElse(""),
        result.latency().toMillis());
    return new ModelTurnOutput(next, answer, calls, result.usage().input(), result.usage().output(),
        result.usage().reported(), result.cost(), result.endpointId(), use);
  }

  /**
   * The server refused the prompt as too long for its window, though our measure said it fits (a chat template that
   * takes more than the measure assumed): compact and call again where the policy may, as if the measure had said
   * so; else (right after a compaction, strategy window or fail, or one turn only) fail for good, naming the server's
   * numbers, since the same prompt would be refused again.
   */
  private ModelTurnOutput overflowOrTooSmall(ModelTurnInput input, ArtifactRef index, ConversationView view,
      ContextRefusal refusal, Optional<ContextUse> measured) {
    ContextPolicy policy = input.context().orElseThrow();
    int window = refusal.window().orElse(measured.map(ContextUse::window).orElse(0));
    int prompt = refusal.promptTokens().orElse(measured.map(ContextUse::promptTokens).orElse(0));
    if (policy.strategy() == ContextSettings.Strategy.COMPACT && policy.mayCompact() && view.turnCount() > 1) {
      log.info("agent {} turn {}: {} refused the prompt with {}: compacting first", input.agentId(), input.turn(),
          input.endpoint(), refusal.numbers());
      return ModelTurnOutput.overflowed(index, prompt, window);
    }
    String why = !policy.mayCompact() ? "already compacted for this call"
        : policy.strategy() == ContextSettings.Strategy.COMPACT ? "one turn only, nothing to compact"
        : "context strategy '" + policy.strategy().name().toLowerCase(Locale.ROOT) + "'";
    String reason = "endpoint '" + input.endpoint() + "' refused the prompt as over its window, with "
        + refusal.numbers() + measured.map(u -> " (measured here: " + u.promptTokens() + " prompt tokens of a "
        + u.window() + "-token window)").orElse("") + "; " + why + ". The server said: " + refusal.message();
    log.warn("agent {} turn {}: {}", input.agentId(), input.turn(), reason);
    throw CompactionPlan.tooSmall(reason);
  }

  /**
   * KV-cache affinity: the asked endpoint (the one that served this agent last) takes the call unless its circuit
   * breaker is open; only then the fallbacks are tried, in order. An open circuit refuses at once without calling
   * the server, so walking the list costs nothing. A failure that opens the breaker moves on at once too: the
   * activity's retry back-off soon exceeds the breaker's open time, so a later attempt would find it half open and
   * spend its trial call there. Any other failure is the asked endpoint's to retry (Temporal's retry policy), so
   * one transient error does not throw away a warm cache.
   */
  private ModelCallResult callStickingToEndpoint(ModelTurnInput input, ModelCallRequest request) {
    List<String> order = new ArrayList<>();
    order.add(input.endpoint());
    input.fallbacks().stream().filter(e -> !order.contains(e)).forEach(order::add);
    ModelCallException lastOpen = null;
    for (String endpoint : order) {
      try {
        ModelCallResult result = models.call(endpoint, request);
        if (!endpoint.equals(input.endpoint())) {
          log.info("agent {} turn {}: {} took over from {} (circuit open)", input.agentId(), input.turn(), endpoint,
              input.endpoint());
        }
        return result;
      } catch (ModelCallException e) {
        if (ContextRefusal.of(e).isPresent()) {
          throw e; // an overflow, not a failure of this endpoint: nextTurn compacts or fails
        }
        boolean justOpened = e.retryable() && e.kind() != FailureKind.CIRCUIT_OPEN && models.circuitOpen(endpoint);
        if (e.kind() != FailureKind.CIRCUIT_OPEN && !justOpened) {
          log.warn("agent {} turn {}: {}", input.agentId(), input.turn(), e.getMessage());
          throw ModelFailures.of(e);
        }
        if (justOpened) {
          log.warn("agent {} turn {}: {} opened the circuit of {}", input.agentId(), input.turn(), e.getMessage(),
              endpoint);
        }
        lastOpen = e;
      }
    }
    log.warn("agent {} turn {}: every endpoint's circuit is open ({}): {}", input.agentId(), input.turn(), order,
        lastOpen.getMessage());
    throw ModelFailures.of(lastOpen);
  }

  /**
   * What the call used, for the conversation view: the measurement made before it (the window the strategy fitted
   * the prompt to) beside the server's own counts, which are left out, not shown as 0, where it sent none.
   */
  private static CallUse callUse(ModelCallResult result, Optional<ContextUse> use) {
    TokenCounts usage = result.usage();
    return new CallUse(result.endpointId(), use.orElse(null),
        usage.reported() ? new CallUse.Reported(usage.input(), usage.output()) : null);
  }

  /** Registry names, and an id for every call: servers that send none would leave the tool result unpaired. */
  private static List<AgentToolCall> toolCalls(List<ToolExecutionRequest> requests, int turn) {
    List<AgentToolCall> calls = new ArrayList<>();
    for (int i = 0; i < requests.size(); i++) {
      ToolExecutionRequest r = requests.get(i);
      String id = r.id() == null || r.id().isBlank() ? "call_" + turn + "_" + i : r.id();
      calls.add(new AgentToolCall(id, ToolBridge.toolName(r.name()), r.arguments()));
    }
    return calls;
  }

  private ArtifactRef store(String text) {
    try {
      return artifacts.put(text.getBytes(StandardCharsets.UTF_8), "text/plain");
    } catch (IOException e) {
      throw ApplicationFailure.newFailureWithCause("cannot store the agent's answer: " + e.getMessage(),
          "ArtifactStoreError", e);
    }
  }
}
