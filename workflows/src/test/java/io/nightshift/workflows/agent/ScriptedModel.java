package io.nightshift.workflows.agent;

import io.nightshift.core.artifact.ArtifactRef;
import io.nightshift.core.artifact.ArtifactStore;
import io.temporal.failure.ApplicationFailure;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/**
 * A model activity for engine tests: it does the real transcript work (append, read back, store the answer)
 * against a real artifact store, and a {@link Brain} decides what the "model" says from the conversation it
 * was given, so a test sees exactly what a model would have seen.
 */
final class ScriptedModel implements AgentModelActivities, AgentCompactionActivities {
  interface Brain {
    Reply next(List<TranscriptMessage> conversation);
  }

  record Reply(String text, List<AgentToolCall> calls, long inputTokens, long outputTokens, boolean reported) {
    static Reply answer(String text) {
      return new Reply(text, List.of(), 10, 5, true);
    }

    static Reply call(AgentToolCall... calls) {
      return new Reply(null, List.of(calls), 10, 5, true);
    }

    Reply usage(long in, long out) {
      return new Reply(text, calls, in, out, true);
    }
  }

  private final ArtifactStore store;
  private final Transcripts transcripts;
  private final Brain brain;
  /** The last message each call saw, in call order. */
  final List<TranscriptMessage> lastSeen = new CopyOnWriteArrayList<>();
  volatile List<TranscriptMessage> latestConversation = List.of();
  /** Every call's input, in call order. */
  final List<ModelTurnInput> inputs = new CopyOnWriteArrayList<>();
  /** Which endpoint "answers" a call: the asked one, unless a test makes its circuit open. */
  volatile Function<ModelTurnInput, String> servedBy = ModelTurnInput::endpoint;

  /** The scripted endpoint's context window, in the tokens {@link #tokens} counts. */
  volatile int window = Integer.MAX_VALUE;
  /** The window by agent id, for a recording of several agents of which one has a small window. */
  volatile ToIntFunction<String> windowOf = agentId -> window;
  /** Writes a compaction's summary from the summary request. */
  volatile Function<List<TranscriptMessage>, String> summariser = prompt -> "the agent called tools";
  /** What each call showed the model, in call order (calls not made because they overflowed left out). */
  final List<List<TranscriptMessage>> views = new CopyOnWriteArrayList<>();
  /** Every compaction's input and summary request, in order. */
  final List<CompactionInput> compactions = new CopyOnWriteArrayList<>();
  final List<List<TranscriptMessage>> summaryRequests = new CopyOnWriteArrayList<>();
  static final int SUMMARY_TOKENS = 40;
  /** Compactions that fail (retryably, as a worker that died mid-compaction) after writing their artifacts. */
  final AtomicInteger compactionCrashes = new AtomicInteger();

  ScriptedModel(ArtifactStore store, Brain brain) {
    this.store = store;
    this.transcripts = new Transcripts(store);
    this.brain = brain;
  }

  @Override
  public ModelTurnOutput nextTurn(ModelTurnInput input) {
    inputs.add(input);
    ArtifactRef index = transcripts.append(input.transcript(), input.append());
    List<TranscriptMessage> conversation = transcripts.messages(index);
    latestConversation = conversation;
    List<TranscriptMessage> seen = conversation;
    Optional<ContextUse> use = Optional.empty();
    if (input.context().isPresent()) {
      int window = windowOf.applyAsInt(input.agentId());
      ContextFit.Choice choice = ContextFit.choose(ConversationView.of(conversation), input.context().get(), window,
          input.endpoint(), ScriptedModel::tokens);
      if (choice instanceof ContextFit.Compact c) {
        return ModelTurnOutput.overflowed(index, c.promptTokens(), window);
      }
      if (choice instanceof ContextFit.TooSmall t) {
        throw CompactionPlan.tooSmall(t.reason());
      }
      ContextFit.Send send = (ContextFit.Send) choice;
      seen = send.messages();
      use = Optional.of(new ContextUse(send.promptTokens(), window, send.turnsLeftOut(), false));
    }
    views.add(seen);
    lastSeen.add(seen.get(seen.size() - 1));
    Reply reply = brain.next(seen);
    ArtifactRef next = transcripts.appendMessages(index, List.of(TranscriptMessage.assistant(reply.text(), reply.calls())));
    ArtifactRef answer = reply.calls().isEmpty() ? put(reply.text()) : null;
    return new ModelTurnOutput(next, answer, reply.calls(), reply.inputTokens(), reply.outputTokens(), reply.reported(),
        new BigDecimal("0.000001").multiply(BigDecimal.valueOf(reply.inputTokens() + reply.outputTokens())),
        servedBy.apply(input), use);
  }

  @Override
  public CompactionOutput compact(CompactionInput input) {
    compactions.add(input);
    int window = windowOf.applyAsInt(input.agentId());
    ConversationView view = ConversationView.of(transcripts.messages(input.transcript()));
    CompactionPlan plan = CompactionPlan.choose(view, input.policy(), window, SUMMARY_TOKENS, input.endpoint(),
        ScriptedModel::tokens);
    List<TranscriptMessage> request = SummaryPrompt.of(plan.toSummarise(), 2_000);
    summaryRequests.add(request);
    Transcripts.CompactionAppended done = transcripts.appendCompaction(input.transcript(), plan,
        summariser.apply(request), tokens(view.messages()), window);
    if (compactionCrashes.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
      throw ApplicationFailure.newFailure("the worker died mid-compaction", "WorkerDied");
    }
    return new CompactionOutput(done.index(), done.event().summary(), done.event().replaced(), plan.turns(), 30, 8,
        true, new BigDecimal("0.000038"));
  }

  /** The scripted endpoint's tokenizer: a token per 4 characters, and 4 per message for its framing. */
  static int tokens(List<TranscriptMessage> messages) {
    int chars = 0;
    for (TranscriptMessage m : messages) {
      chars += m.text() == null ? 0 : m.text().length();
      for (AgentToolCall call : m.toolCalls()) {
        chars += call.name().length() + call.argumentsJson().length();
      }
    }
    return (chars + 3) / 4 + 4 * messages.size();
  }

  private ArtifactRef put(String text) {
    try {
      return store.put(text.getBytes(StandardCharsets.UTF_8), "text/plain");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static long count(List<TranscriptMessage> conversation, TranscriptMessage.Role role) {
    return conversation.stream().filter(m -> m.role() == role).count();
  }
}
