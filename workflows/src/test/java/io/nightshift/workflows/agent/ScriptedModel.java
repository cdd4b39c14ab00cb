package io.nightshift.workflows.agent;

import io.nightshift.core.artifact.ArtifactRef;
import io.nightshift.core.artifact.ArtifactStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A model activity for engine tests: it does the real transcript work (append, read back, store the answer)
 * against a real artifact store, and a {@link Brain} decides what the "model" says from the conversation it
 * was given, so a test sees exactly what a model would have seen.
 */
final class ScriptedModel implements AgentModelActivities {
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
    lastSeen.add(conversation.get(conversation.size() - 1));
    Reply reply = brain.next(conversation);
    ArtifactRef next = transcripts.appendMessages(index, List.of(TranscriptMessage.assistant(reply.text(), reply.calls())));
    ArtifactRef answer = reply.calls().isEmpty() ? put(reply.text()) : null;
    return new ModelTurnOutput(next, answer, reply.calls(), reply.inputTokens(), reply.outputTokens(), reply.reported(),
        new BigDecimal("0.000001").multiply(BigDecimal.valueOf(reply.inputTokens() + reply.outputTokens())),
        servedBy.apply(input));
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
